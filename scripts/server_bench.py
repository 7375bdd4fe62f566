#!/usr/bin/env python3
"""The server budget (issue 12, item 8): hello-world executions per second through `coderemote serve`
on loopback, with p50/p99 latency, at a fixed concurrency, beside the raw `python3 -I hello.py`
spawn rate (fork/exec/wait in a loop) at the same concurrency, measured in the same run.

Both sides run the same number of programs; the server side submits with `?wait=true` over
keep-alive connections, one per client thread. The server is started on a free port over a fresh
database and stopped (SIGTERM) at the end. Budget: at least 100% of the raw rate."""
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

binary = os.path.abspath(sys.argv[1])
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", str(os.cpu_count() or 2)))
PER_CLIENT = int(os.environ.get("BENCH_JOBS", "50"))
work = tempfile.mkdtemp(prefix="coderemote-server-bench-")
hello = os.path.join(work, "hello.py")
with open(hello, "w") as f:
    f.write('print("hello")\n')


def in_threads(task):
    """Runs `task(latencies)` on CONCURRENCY threads; returns (seconds, latencies)."""
    latencies = []
    lock = threading.Lock()

    def worker():
        mine = task()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies


def raw_spawns():
    mine = []
    for _ in range(PER_CLIENT):
        started = time.perf_counter()
        subprocess.run(["/usr/bin/python3", "-I", hello], stdout=subprocess.DEVNULL, check=True)
        mine.append(time.perf_counter() - started)
    return mine


# A configuration of its own: the per-token rate limit and job quota lifted (the benchmark is one
# caller submitting as fast as it can; a 429 would be a fast non-run), everything else the defaults.
config = os.path.join(work, "config")
os.makedirs(os.path.join(config, "coderemote"))
with open(os.path.join(config, "coderemote", "config.toml"), "w") as f:
    f.write("[server]\nrate_per_second = 1000000\nrate_burst = 1000000\njobs_per_token = 100000\n")
environment = dict(os.environ, XDG_CONFIG_HOME=config, XDG_DATA_HOME=os.path.join(work, "data"))
server = subprocess.Popen(
    [binary, "serve", "--port", "0", "--allow-anonymous", "--workers", str(CONCURRENCY),
     "--db", os.path.join(work, "server.sqlite")],
    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment)
try:
    line = server.stdout.readline()
    port = int(line.rsplit(":", 1)[1])
    body = json.dumps({"language": "python", "code": 'print("hello")\n'})
    failures = []

    def executions():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for _ in range(PER_CLIENT):
            started = time.perf_counter()
            connection.request("POST", "/v1/executions?wait=true", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            result = json.loads(response.read())
            mine.append(time.perf_counter() - started)
            if response.status != 200 or result.get("status") != "ok":
                failures.append((response.status, result))
        connection.close()
        return mine

    executions()  # warm: boxes made, caches filled
    rounds = []
    for _ in range(2):  # interleaved, so drifting load falls on both
        rounds.append(("raw", *in_threads(raw_spawns)))
        rounds.append(("server", *in_threads(executions)))
finally:
    server.terminate()
    server.wait(timeout=30)

jobs = CONCURRENCY * PER_CLIENT
for kind in ("raw", "server"):
    seconds = sum(r[1] for r in rounds if r[0] == kind)
    latencies = sorted(l for r in rounds if r[0] == kind for l in r[2])
    rate = len(latencies) / seconds
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    label = "bare python3 -I spawn loop" if kind == "raw" else "coderemote serve, POST ?wait=true"
    print(f"{label:38} {rate:7.1f}/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   ({len(latencies)} runs, concurrency {CONCURRENCY})")
    if kind == "raw":
        raw_rate = rate
    else:
        server_rate = rate
print(f"server / raw: {server_rate / raw_rate * 100:.0f}% (budget >= 100%)")
if failures:
    print(f"{len(failures)} executions failed, e.g. {failures[0]}")
    sys.exit(1)
