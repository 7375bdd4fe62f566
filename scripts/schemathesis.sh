#!/usr/bin/env bash
# Fuzzes a real `coderemote serve` on loopback with schemathesis (pinned, installed by
# scripts/bootstrap.sh into .build-tools/) from docs/openapi.yaml: every operation with examples,
# the spec's boundary cases, generated bodies and linked sequences (POST then GET, events, cancel,
# stdin of the new id), seeded and with no example database, so two runs send the same requests.
# Fails on any 5xx, any status, content type or body the spec does not describe. Part of `make test`.
#
# Usage: scripts/schemathesis.sh [BINARY]   (default .build/debug/coderemote)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/coderemote}
st=.build-tools/schemathesis/bin/st
[ -x "$st" ] || { echo "schemathesis: $st is missing; run scripts/bootstrap.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/coderemote-schemathesis-XXXXXX)
server=
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A configuration of its own (none of the user's), a fresh database, a real token.
mkdir -p "$work/config"
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
token=$("$binary" tokens create schemathesis --db "$work/server.sqlite")
"$binary" serve --port 0 --workers 2 --db "$work/server.sqlite" >"$work/stdout" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 600); do
  grep -q "listening on" "$work/stdout" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.05
done
url=$(sed -n 's/^listening on //p' "$work/stdout")
[ -n "$url" ] || { echo "schemathesis: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

# Checks that are sound for this API: no 5xx, and every answer one the spec describes. (Not
# negative_data_rejection: a fuzzed "negative" body the server may rightly take, such as an
# unknown extra key, would be called a failure.) The wall-clock guard only stops a hung run.
# Run from the scratch directory: schemathesis leaves a .schemathesis/ cache where it runs.
spec=$PWD/docs/openapi.yaml
st=$PWD/$st
status=0
(cd "$work" && timeout 240 "$st" run "$spec" --url "$url" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" --seed 1234 --generation-database none --workers 1 \
  --request-timeout 30 --no-color --output-truncate false \
  --report-dir "$work/report") || status=$?
if [ $status -ne 0 ]; then
  echo "schemathesis: failed (status $status); the server's log:" >&2
  tail -n 40 "$work/serve.log" >&2
fi
exit $status
