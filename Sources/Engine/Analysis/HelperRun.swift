import Execution

/// Runs one of the analysis helpers in the sandbox, with the limits of a normal run, and collects
/// what it wrote. The only place the analysis calls a backend.
struct HelperRun: Sendable {
  let backend: any ExecutionBackend
  let limits: ExecutionLimits

  struct Output {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var result: ExecutionResult

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// What went wrong, for an error message: the status, then the last line of stderr.
    var failure: String {
      let last = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last.map(String.init)
      return [result.status.rawValue, result.message, last].compactMap { $0 }.joined(separator: ": ")
    }
  }

  /// The helper `script` run with `input` on its stdin. Throws when it could not run at all, or
  /// `CancellationError` when the calling task was cancelled (which stops the run).
  func run(script: String, input: [UInt8]) async throws -> Output {
    let request = ExecutionRequest(code: script, stdin: input, limits: limits)
    var output = Output(
      stdout: [], stderr: [],
      result: ExecutionResult(id: "", status: .internalError, isolation: "", limits: limits))
    var finished = false
    for try await event in backend.run(request).events {
      switch event {
      case .stdout(let bytes): output.stdout += bytes
      case .stderr(let bytes): output.stderr += bytes
      case .finished(let result):
        output.result = result
        finished = true
      case .started: break
      }
    }
    try Task.checkCancellation()
    guard finished else { throw AnalysisError.helperFailed("the run ended without a result") }
    return output
  }
}
