/// The timing harness, in Python, run in the sandbox like any run: it loads the program (with a
/// `__name__` that keeps its `if __name__ == "__main__":` block from running), then times one
/// function at doubling sizes within a budget, the minimum of repeats with the garbage collector off,
/// and the peak of tracemalloc per size. Reads a JSON request on stdin; writes the nonce and one JSON
/// object, so nothing the program prints can pass for the answer.
enum EmpiricalHarnessScript {
  static let source = #"""
    import copy, gc, json, math, random, sys, time, tracemalloc

    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    nonce, budget = request["nonce"], float(request["budget"])
    wall_budget = float(request.get("wall_budget", budget))
    real_stdout = sys.stdout
    # Calls are timed, and the budget counted, in CPU time, not wall time: on a loaded machine the
    # scheduler takes the CPU away mid-call, and wall time would count that as the function's cost
    # (and end the series at small sizes). Wall time has a budget of its own, the user's bound.
    cpu_time = time.thread_time
    started, started_wall = cpu_time(), time.perf_counter()


    class Discard:
        def write(self, text):
            return len(text)

        def flush(self):
            pass


    def report(**fields):
        real_stdout.write(nonce + json.dumps(fields) + "\n")
        real_stdout.flush()
        sys.exit(0)


    sys.stdout = Discard()
    namespace = {"__name__": "__coderemote_analysis__", "__builtins__": __builtins__}
    try:
        exec(compile(request["code"], "main.py", "exec"), namespace)
    except BaseException as error:
        report(error="the program failed while loading (%s: %s)" % (type(error).__name__, str(error)[:200]))

    function = namespace.get(request["function"])
    if not callable(function):
        report(error="no function named %s" % request["function"])

    rng = random.Random(1234)
    LIMITS = {"int": 1 << 40, "list": 1 << 18, "sorted": 1 << 18, "str": 1 << 20, "matrix": 1 << 10,
              "dict": 1 << 17, "set": 1 << 17, "const": 1 << 40}


    def make(kind, n):
        if kind == "int":
            return n
        if kind == "list":
            return rng.sample(range(n * 4 + 8), n)
        if kind == "sorted":
            return sorted(rng.sample(range(n * 4 + 8), n))
        if kind == "str":
            return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))
        if kind == "matrix":
            return [[rng.randrange(100) for _ in range(n)] for _ in range(n)]
        if kind == "dict":
            return {i: rng.randrange(n + 1) for i in range(n)}
        if kind == "set":
            return set(rng.sample(range(n * 4 + 8), n))
        if kind == "const":
            return -1
        scope = dict(namespace)
        scope.update(n=n, random=rng)
        return eval(kind, scope)


    generators = request["generators"]
    limit = min(LIMITS.get(g, 1 << 16) for g in generators)


    def arguments(n):
        return [make(g, n) for g in generators]


    def fresh(value):
        """A copy for one call, so a function that sorts or empties its input gets the same input each time."""
        if isinstance(value, list):
            return [fresh(v) if isinstance(v, list) else v for v in value]
        if isinstance(value, (dict, set)):
            return value.copy()
        return value


    # A memoized function would answer later calls from its cache: each call starts with it empty.
    clear = getattr(function, "cache_clear", None)


    def timed(n):
        """The least time of one call at size n: batches for fast calls, the minimum of repeats."""
        base = arguments(n)
        probe = [fresh(a) for a in base]
        if clear is not None:
            clear()
        function(*probe)
        mutates = probe != base
        batch, best, spent, repeats = 1, None, 0.0, 0
        for _ in range(40):
            inputs = [[fresh(a) for a in base] if mutates else base for _ in range(batch)]
            gc.collect()
            gc.disable()
            try:
                if clear is None:
                    t0 = cpu_time()
                    for args in inputs:
                        function(*args)
                    t = cpu_time() - t0
                else:
                    t = 0.0
                    for args in inputs:
                        clear()
                        t0 = cpu_time()
                        function(*args)
                        t += cpu_time() - t0
            finally:
                gc.enable()
            spent += t
            per = t / batch
            best = per if best is None else min(best, per)
            if t < 0.002 and batch < 1 << 14 and (not mutates or batch * n < 1 << 22):
                batch *= 4
                continue
            repeats += 1
            if (repeats >= 5 and spent > 0.02) or spent > remaining() / 6:
                break
        return best


    def peak(n):
        args = arguments(n)
        gc.collect()
        tracemalloc.start()
        try:
            function(*args)
            return tracemalloc.get_traced_memory()[1] // 1024
        finally:
            tracemalloc.stop()


    def remaining():
        return min(budget - (cpu_time() - started), wall_budget - (time.perf_counter() - started_wall))


    sizes, seconds, peaks, stopped = [], [], [], None
    n = 2
    size_started = cpu_time()
    while n <= limit and len(sizes) < 24:
        try:
            t = timed(n)
        except RecursionError:
            stopped = "recursion too deep at n=%d" % n
            break
        except MemoryError:
            stopped = "out of memory at n=%d" % n
            break
        except Exception as error:
            if not sizes and n < 64:
                n *= 2  # too small for the function (it indexes arr[9], say): try a larger size
                continue
            stopped = "%s raised %s at n=%d" % (request["function"], type(error).__name__, n)
            break
        sizes.append(n)
        seconds.append(t)
        peaks.append(peak(n) if t * 6 < remaining() else None)
        cost = cpu_time() - size_started
        if remaining() <= 0:
            stopped = "time budget reached"
            break

        def predicted(m):
            """What size m would cost, by the faster of a power law and an exponential through the last two."""
            # Growth over a span of at least 4x in n where there is one: one noisy pair of close sizes
            # would otherwise look exponential and stall the series.
            back = next((i for i in range(len(sizes) - 2, -1, -1) if sizes[i] * 4 <= n), 0)
            if len(sizes) < 2 or seconds[back] <= 0 or seconds[-1] <= seconds[back]:
                return cost * (m / n)
            ratio = seconds[-1] / seconds[back]
            power = (m / n) ** (math.log(ratio) / math.log(n / sizes[back]))
            exponential = ratio ** ((m - n) / (n - sizes[back]))
            return cost * max(power, exponential)

        # The next size: double, unless the growth seen so far says that would not fit in what is left.
        nxt = n * 2
        while nxt > n + 1 and predicted(nxt) > remaining() * 0.6:
            nxt = n + (nxt - n) // 2
        if predicted(nxt) > remaining() * 0.6:
            stopped = "time budget reached"
            break
        n = nxt
        size_started = cpu_time()
    report(sizes=sizes, seconds=seconds, peak_kb=peaks, stopped=stopped)
    """#
}
