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
# One configuration per measurement: everything this machine has, then each layer switched off in
# turn (its cost is the difference), then every optional layer off. `coderemote --version` is the
# binary's own start-up, which every run pays before any sandboxing.
configs=(full "" no-namespaces "[sandbox]\nnamespaces = \"off\"" no-cgroups "[sandbox]\ncgroups = false"
  no-seccomp "[sandbox]\nseccomp = false" no-imports "[python]\nimport_policy = \"off\""
  minimal "[python]\nimport_policy = \"off\"\n[sandbox]\nnamespaces = \"off\"\ncgroups = false\nseccomp = false\nlandlock = false")
commands=("/usr/bin/python3 -I $work/hello.py" "$bin/coderemote --version")
for ((i = 0; i < ${#configs[@]}; i += 2)); do
  mkdir -p "$work/${configs[i]}/coderemote"
  printf "${configs[i + 1]}\n" > "$work/${configs[i]}/coderemote/config.toml"
  commands+=("env XDG_CONFIG_HOME=$work/${configs[i]} $bin/coderemote run $work/hello.py")
done
env XDG_CONFIG_HOME="$work/full" "$bin/coderemote" run --json "$work/hello.py" \
  | /usr/bin/python3 -c 'import json, sys; print("isolation:", json.load(sys.stdin)["isolation"])'
hyperfine -N --warmup 5 --runs 40 --export-json "$work/run.json" "${commands[@]}" > /dev/null
/usr/bin/python3 - "$work/run.json" <<'PY'
import json, sys
# Medians: other work on the machine skews means far more than medians.
r = [x["median"] * 1000 for x in json.load(open(sys.argv[1]))["results"]]
bare, startup, full, no_namespaces, no_cgroups, no_seccomp, no_imports, minimal = r
print(f"coderemote run: {full:.1f} ms | bare python3 -I: {bare:.1f} ms | ratio {full / bare:.2f}x (budget 1.5x, medians)")
print(f"  coderemote --version (binary start-up alone): {startup:.1f} ms")
print(f"  rlimits + uid + tmpfs work dir only: {minimal:.1f} ms")
for name, without in [("namespaces", no_namespaces), ("cgroups", no_cgroups), ("seccomp", no_seccomp),
                      ("import policy", no_imports)]:
    print(f"  cost of {name}: {full - without:+.1f} ms")
PY

echo
echo "== where a sandboxed hello world's time goes (CODEREMOTE_TRACE, medians of 30 runs, ms)"
for _ in $(seq 30); do
  env XDG_CONFIG_HOME="$work/full" CODEREMOTE_TRACE=1 "$bin/coderemote" run "$work/hello.py" 2>&1 >/dev/null \
    | grep '^trace ' || true
  echo "trace end"
done | /usr/bin/python3 -c '
import statistics, sys
phases, durations, previous = [], {}, 0.0
for line in sys.stdin:
    if line.startswith("trace end"):
        previous = 0.0
        continue
    _, at, name = line.rstrip("\n").split(" ", 2)
    if name not in durations:
        phases.append(name)
        durations[name] = []
    durations[name].append(float(at) - previous)
    previous = float(at)
for name in phases:
    print(f"  {statistics.median(durations[name]):6.2f}  {name}")
print("  (main is measured from itself: process start-up before it shows in the totals above)")
'
