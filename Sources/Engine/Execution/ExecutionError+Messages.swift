/// The one place where a failure to run is put into words: the editor's status bar and the CLI's
/// "coderemote: cannot run" both show these messages.
extension ExecutionError {
  public static func invalidRequest(_ why: String) -> ExecutionError {
    ExecutionError(code: .invalidRequest, message: "invalid request: \(why)")
  }

  public static func unsupportedLanguage(_ language: String) -> ExecutionError {
    ExecutionError(
      code: .unsupportedLanguage, message: "unsupported language '\(language)' (only python is supported)")
  }

  public static let noInterpreter = ExecutionError(
    code: .noInterpreter,
    message:
      "no Python interpreter found (python.path in the configuration when set, else /usr/bin/python3, else python3 on PATH)"
  )

  public static func noFreeUid(_ range: ClosedRange<UInt32>) -> ExecutionError {
    ExecutionError(
      code: .noFreeUid,
      message:
        "every sandbox uid of \(range.lowerBound)-\(range.upperBound) is in use (sandbox.uid_range in the configuration)"
    )
  }

  public static func uidLocksUnavailable(_ directory: String) -> ExecutionError {
    ExecutionError(
      code: .sandboxFailure,
      message: "cannot use \(directory) to hand out sandbox uids (it must be a directory owned by this user)")
  }

  /// `step` says what failed and why, e.g. "cannot start /usr/bin/bwrap: Permission denied".
  public static func sandboxFailure(_ step: String) -> ExecutionError {
    ExecutionError(code: .sandboxFailure, message: "the sandbox could not be set up: \(step)")
  }

  /// Any error as one of these: an `ExecutionError` stays itself, anything else is a backend failure.
  public init(_ error: any Error) {
    if let error = error as? ExecutionError {
      self = error
    } else {
      self = ExecutionError(code: .backendFailure, message: "the backend failed: \(error)")
    }
  }
}
