#!/usr/bin/env bash
# `make bench`: every budget of BRIEF §5 that has a benchmark, each beside a reference from the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
echo "== in-process benchmarks (release build)"
"$bin/bench"

echo
echo "== sandboxed hello world: whole 'coderemote run' against bare python3 -I (budget <= 1.5x)"
/usr/bin/python3 scripts/sandbox_bench.py "$bin/coderemote"

echo
echo "== server: hello-world executions/s through 'coderemote serve' against a raw python3 -I spawn loop (budget >= 100%)"
/usr/bin/python3 scripts/server_bench.py "$bin/coderemote"

echo
echo "== analysis: the timing fit's accuracy over the labelled corpus (budget >= 85%; make test holds 60%)"
CODEREMOTE_ACCURACY_FLOOR=0.85 swift test --filter 'AccuracyTests/empiricalAccuracy' 2>&1 | grep -E "empirical (accuracy|miss)|passed|failed"
