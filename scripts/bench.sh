#!/usr/bin/env bash
# `make bench`: every budget of BRIEF §5 that has a benchmark, each beside a reference from the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
echo "== in-process benchmarks (release build)"
"$bin/bench"

echo
echo "== sandboxed hello world: whole 'coderemote run' against bare python3 -I (budget <= 1.5x)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo 'print("hello")' > "$work/hello.py"
hyperfine -N --warmup 5 --runs 40 --export-json "$work/run.json" \
  "/usr/bin/python3 -I $work/hello.py" \
  "$bin/coderemote run $work/hello.py" | sed -n '/Summary/,$p'
python3 - "$work/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
bare, ours = r[0]["mean"] * 1000, r[1]["mean"] * 1000
print(f"coderemote run: {ours:.1f} ms | bare python3 -I: {bare:.1f} ms | ratio {ours / bare:.2f}x (budget 1.5x)")
PY
