#!/usr/bin/env python3
"""The sandboxed hello-world budget (BRIEF §5): the whole `coderemote run hello.py` against bare
`python3 -I hello.py`, measured in the same rounds.

Every round runs each command once, in turn, so drifting load on a shared machine falls on all of
them alike (a tool that runs one command 40 times and then the next measures the drift instead).
Figures are medians. Then each optional layer's cost (the run with it switched off, subtracted) and
where the time of one run goes, from CODEREMOTE_TRACE."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
binary = os.path.abspath(sys.argv[1])
work = tempfile.mkdtemp(prefix="coderemote-bench-")
hello = os.path.join(work, "hello.py")
with open(hello, "w") as f:
    f.write('print("hello")\n')

# One configuration per measurement: everything this machine has, each layer switched off in turn,
# then every optional layer off.
configs = {
    "full": "",
    "no namespaces": '[sandbox]\nnamespaces = "off"\n',
    "no cgroups": "[sandbox]\ncgroups = false\n",
    "no seccomp": "[sandbox]\nseccomp = false\n",
    "no import policy": '[python]\nimport_policy = "off"\n',
    "minimal": '[python]\nimport_policy = "off"\n[sandbox]\nnamespaces = "off"\ncgroups = false\n'
    'seccomp = false\nlandlock = false\n',
}
environments = {}
for name, text in configs.items():
    directory = os.path.join(work, name.replace(" ", "-"))
    os.makedirs(os.path.join(directory, "coderemote"))
    with open(os.path.join(directory, "coderemote", "config.toml"), "w") as f:
        f.write(text)
    environments[name] = dict(os.environ, XDG_CONFIG_HOME=directory)

commands = {"bare python3 -I": (["/usr/bin/python3", "-I", hello], None),
            "coderemote --version": ([binary, "--version"], None)}
for name, environment in environments.items():
    commands[name] = ([binary, "run", hello], environment)

def once(argv, environment):
    started = time.perf_counter()
    subprocess.run(argv, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - started) * 1000

isolation = subprocess.run([binary, "run", "--json", hello], env=environments["full"], capture_output=True,
                           text=True).stdout
print("isolation:", isolation.split('"isolation":"')[1].split('"')[0] if '"isolation":"' in isolation else "?")
for _ in range(3):  # warm the page cache and the cgroup/uid directories
    for argv, environment in commands.values():
        once(argv, environment)
times = {name: [] for name in commands}
for _ in range(ROUNDS):
    for name, (argv, environment) in commands.items():
        times[name].append(once(argv, environment))
median = {name: statistics.median(values) for name, values in times.items()}
bare, full = median["bare python3 -I"], median["full"]
print(f"coderemote run: {full:.1f} ms | bare python3 -I: {bare:.1f} ms | ratio {full / bare:.2f}x "
      f"(budget 1.5x; medians of {ROUNDS} interleaved rounds)")
print(f"  coderemote --version (binary start-up alone): {median['coderemote --version']:.1f} ms")
print(f"  rlimits + uid + tmpfs work dir only: {median['minimal']:.1f} ms")
# The spread of the full run (half its interquartile range) says how small a cost this run can see.
quartiles = statistics.quantiles(times["full"], n=4)
noise = (quartiles[2] - quartiles[0]) / 2
for name in ["no namespaces", "no cgroups", "no seccomp", "no import policy"]:
    cost = full - median[name]
    note = "" if abs(cost) > noise else "  (within this run's noise)"
    print(f"  cost of {name[3:]}: {cost:+.1f} ms{note}")
print(f"  (noise: ±{noise:.1f} ms, half the interquartile range of the full run)")

print()
print(f"== where a sandboxed hello world's time goes (CODEREMOTE_TRACE, medians of {ROUNDS} runs, ms)")
phases, durations = [], {}
for _ in range(ROUNDS):
    launched = time.time_ns()
    environment = dict(environments["full"], CODEREMOTE_TRACE=str(launched))
    stderr = subprocess.run([binary, "run", hello], env=environment, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True).stderr
    gone = (time.time_ns() - launched) / 1e6
    previous = 0.0
    for line in stderr.splitlines() + [f"trace {gone} process gone (as the caller sees it)"]:
        if not line.startswith("trace "):
            continue
        _, at, name = line.split(" ", 2)
        if name not in durations:
            phases.append(name)
            durations[name] = []
        durations[name].append(float(at) - previous)
        previous = float(at)
for name in phases:
    label = "process start-up, until main" if name == "main" else name
    print(f"  {statistics.median(durations[name]):6.2f}  {label}")
subprocess.run(["rm", "-rf", work])
