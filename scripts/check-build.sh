#!/usr/bin/env bash
# Builds everything, tests included, and fails on any warning in the project's own code
# (dependencies' warnings are theirs; ours must be zero).
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build --build-tests 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
root=$(pwd)
if grep -E "^($root/)?(Sources|Tests|Benchmarks|Package\.swift).*warning:|^warning: '(main|coderemote)'" "$log"; then
  echo "check-build: the build has warnings (above); fix them" >&2
  exit 1
fi
