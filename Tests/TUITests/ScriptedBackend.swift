import Execution

/// An execution backend that replays a fixed list of events, for UI tests without processes.
struct ScriptedBackend: ExecutionBackend {
  var events: [ExecutionEvent]
  var failure: ExecutionError?

  func run(_ request: ExecutionRequest) -> AsyncThrowingStream<ExecutionEvent, any Error> {
    AsyncThrowingStream { continuation in
      for event in events { continuation.yield(event) }
      continuation.finish(throwing: failure)
    }
  }

  static func result(status: ExecutionStatus, exitCode: Int?, stdout: String = "", stderr: String = "")
    -> ExecutionResult
  {
    ExecutionResult(
      id: "test", status: status, exitCode: exitCode, stdout: Array(stdout.utf8), stderr: Array(stderr.utf8),
      wallMilliseconds: 31.2, isolation: "none", limits: .defaults)
  }
}
