import Execution
import Glibc
import Processes
import Sandbox
import Settings

/// A warm box against bare `python3 -I hello.py`: the editor's F5, from request to result, with the
/// box made ready while the user typed (here: between runs, not timed). The BRIEF's goal after the
/// 1.5× budget is to beat bare Python this way.
func runSandboxBenchmarks() {
  let hello = "print('hello')\n"
  let file = "/tmp/coderemote-bench-hello-\(getpid()).py"
  let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  _ = hello.withCString { write(fd, $0, strlen($0)) }
  close(fd)
  defer { unlink(file) }

  let configuration = (try? Configuration.load().sandbox) ?? .default
  let backend = LocalBackend(configuration: configuration, keepWarm: true)
  defer { backend.close() }
  let request = ExecutionRequest(code: hello, limits: configuration.limits)
  var warm: [Double] = []
  var bare: [Double] = []
  for _ in 0..<40 {
    // Wait, untimed, until the pool has the next box ready, as it would while the user reads.
    _ = backend.waitForWarmBox()
    warm += measure(1) { _ = try? backend.runBlocking(request) { _ in } }
    bare += measure(1) {
      _ = HelperProcess.run("/usr/bin/python3", ["-I", file], timeoutMilliseconds: 10_000)
    }
  }
  warm.sort()
  bare.sort()
  report(
    "sandboxed hello world, warm box (request to result)", ours: warm, reference: bare,
    referenceName: "bare python3 -I", budget: "beat bare python3")
}
