#!/usr/bin/env bash
# Runs every test target, in groups, one process per group (after `swift build --build-tests`).
#
# Why groups: Swift's task pool has as many threads as cores (two here). The sandbox and
# end-to-end suites block threads for whole runs of real programs; in one process with the UI's
# async tests, those would wait behind them and time out on a loaded machine. Each group gets a
# process of its own, so what blocks in one cannot starve another. The timing-sensitive groups run
# alone for the same reason.
set -uo pipefail
cd "$(dirname "$0")/.."

groups=(
  "EditorTests|ArgumentsTests|SettingsTests|TUITests|CodeRemoteTests|StoreTests"
  "EngineTests"
  "AnalysisTests"
  "ServerTests"
  "RemoteTests"
  "EndToEndTests"
)

# Every test target must be in a group: a new one left out would silently never run.
for target in Tests/*/; do
  name=$(basename "$target")
  covered=no
  for group in "${groups[@]}"; do
    [[ "|$group|" == *"|$name|"* ]] && covered=yes
  done
  if [ "$covered" = no ]; then
    echo "run-tests: test target $name is in no group (add it to scripts/run-tests.sh)" >&2
    exit 1
  fi
done

status=0
for group in "${groups[@]}"; do
  echo "run-tests: $group"
  swift test --skip-build --filter "^($group)\." "$@" || status=1
done
exit $status
