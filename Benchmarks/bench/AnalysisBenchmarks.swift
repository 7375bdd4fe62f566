import Analysis
import Dispatch
import Execution
import Glibc
import Processes
import Sandbox
import Settings

/// Static analysis of a 2,000-line file, the whole of it (the sandboxed helper included), against
/// `python3 -c 'import ast; ast.parse(…)'` of the same file: the least any reading with Python's
/// own parser can cost. Budget: < 300 ms.
func runAnalysisBenchmarks() {
  let source = analysisBenchmarkSource(lines: 2_000)
  let file = "/tmp/coderemote-bench-analysis-\(getpid()).py"
  let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  _ = source.withCString { write(fd, $0, strlen($0)) }
  close(fd)
  defer { unlink(file) }

  let configuration = (try? Configuration.load().sandbox) ?? .default
  let backend = LocalBackend(configuration: configuration, keepWarm: true)
  defer { backend.close() }
  let analyzer = ComplexityAnalyzer(backend: backend, limits: configuration.limits)
  // Once untimed, to be sure the figure is of a reading that worked.
  let check = DispatchSemaphore(value: 0)
  Task {
    do {
      let result = try await analyzer.analyze(source, empirical: false)
      print("static analysis of the benchmark file: \(result.time), \(result.functions.count) functions")
    } catch {
      print("static analysis failed: \(error)")
      exit(1)
    }
    check.signal()
  }
  check.wait()
  var ours: [Double] = []
  var parse: [Double] = []
  let script = "import ast; ast.parse(open('\(file)').read())"
  for _ in 0..<15 {
    _ = backend.waitForWarmBox()
    ours += measure(1) {
      let done = DispatchSemaphore(value: 0)
      Task {
        _ = try? await analyzer.analyze(source, empirical: false)
        done.signal()
      }
      done.wait()
    }
    parse += measure(1) {
      _ = HelperProcess.run("/usr/bin/python3", ["-I", "-c", script], timeoutMilliseconds: 10_000)
    }
  }
  ours.sort()
  parse.sort()
  let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count
  report(
    "static analysis, \(lines)-line file", ours: ours, reference: parse,
    referenceName: "python3 ast.parse alone", budget: "< 300 ms")
}

/// Typical code: loops, recursion, memoization, sorting and helpers, repeated under new names.
func analysisBenchmarkSource(lines: Int) -> String {
  let template = """
    def pairs_#(arr):
        count = 0
        for i in range(len(arr)):
            for j in range(i + 1, len(arr)):
                if arr[i] + arr[j] == 0:
                    count += 1
        return count

    def search_#(arr, target):
        lo, hi = 0, len(arr) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if arr[mid] == target:
                return mid
            if arr[mid] < target:
                lo = mid + 1
            else:
                hi = mid - 1
        return -1

    def merge_sort_#(a):
        if len(a) <= 1:
            return a
        mid = len(a) // 2
        left = merge_sort_#(a[:mid])
        right = merge_sort_#(a[mid:])
        out = []
        i = j = 0
        while i < len(left) and j < len(right):
            if left[i] < right[j]:
                out.append(left[i])
                i += 1
            else:
                out.append(right[j])
                j += 1
        return out + left[i:] + right[j:]

    def fib_#(n, memo=None):
        if memo is None:
            memo = {}
        if n in memo:
            return memo[n]
        if n < 2:
            return n
        memo[n] = fib_#(n - 1, memo) + fib_#(n - 2, memo)
        return memo[n]

    def ranks_#(arr):
        seen = set()
        out = []
        for x in sorted(arr):
            if x not in seen:
                seen.add(x)
                out.append(search_#(arr, x))
        return out


    """
  var text = ""
  var index = 0
  while text.split(separator: "\n", omittingEmptySubsequences: false).count < lines {
    text += template.split(separator: "#", omittingEmptySubsequences: false).joined(separator: String(index))
    index += 1
  }
  return text
}
