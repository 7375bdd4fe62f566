import Execution
import HTTPTypes

extension APIError {
  /// The one place an `ExecutionError` becomes an HTTP answer, by its code: the request's faults
  /// are the client's to fix (422), the rest are this machine's (503; every uid busy clears soon,
  /// so that one says when to retry).
  init(_ error: ExecutionError, field: String? = nil) {
    switch error.code {
    case .invalidRequest, .unsupportedLanguage:
      self.init(
        status: .unprocessableContent, code: error.code.rawValue, message: error.message, field: field)
    case .noFreeUid:
      self.init(
        status: .serviceUnavailable, code: error.code.rawValue, message: error.message, retryAfterSeconds: 1)
    case .noInterpreter, .sandboxFailure, .backendFailure,
      // A remote backend's codes: only when a server runs its jobs on another server.
      .unauthorized, .tooLarge, .rateLimited, .unavailable, .unreachable, .tlsFailure:
      self.init(status: .serviceUnavailable, code: error.code.rawValue, message: error.message)
    }
  }
}
