/// How a run ended: final states only (a server's queue has its own job states, `queued` and
/// `running`, which never appear in a result). A non-zero exit is `.error`: a result, not a failure
/// to run.
public enum ExecutionStatus: String, Codable, Sendable, CaseIterable {
  case ok
  case error
  case timeout
  case memoryLimit = "memory_limit"
  case outputLimit = "output_limit"
  case killed
  case cancelled
  case internalError = "internal_error"

  /// The exit code `coderemote run` reports for a run that ended this way (BRIEF §3).
  public func cliExitCode(programExitCode: Int?) -> Int32 {
    switch self {
    case .ok: return 0
    case .error: return Int32(clamping: programExitCode ?? 1)
    case .timeout: return 124
    case .memoryLimit, .outputLimit, .killed, .cancelled: return 137
    case .internalError: return 1
    }
  }
}
