/// Why code could not be run at all (as opposed to running and failing): every failure that stops a
/// run from starting, whatever the backend, is one of these. `code` is stable and machine-readable;
/// `message` is the one rendering of it for people, shown as is by the editor and by the CLI.
public struct ExecutionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of failure it is. The server maps a code to its HTTP status in one place (a switch
  /// over `Code` beside its error body): `invalid_request` and `unsupported_language` are the
  /// client's (422), the rest are this machine's (503, `no_free_uid` with `Retry-After`). The remote
  /// backend's codes (`unauthorized` to `tls_failure`) come from a server, never from a local run.
  public enum Code: String, Sendable, CaseIterable, Codable {
    /// The request cannot be run as given (a limit out of range, say).
    case invalidRequest = "invalid_request"
    case unsupportedLanguage = "unsupported_language"
    case noInterpreter = "no_interpreter"
    /// Every sandbox uid is held by another run: try again when one ends.
    case noFreeUid = "no_free_uid"
    /// A step of building the box failed: a work dir, a pipe, the spawn itself.
    case sandboxFailure = "sandbox_failure"
    /// Anything else a backend met (for a remote backend: the server or the connection).
    case backendFailure = "backend_failure"
    // A remote backend's own failures (Sources/Engine/Remote), each with what to do about it.
    /// The server refused the token: missing, unknown or revoked.
    case unauthorized
    /// The request (or a stdin chunk) is over the server's size limit.
    case tooLarge = "too_large"
    /// The token's rate or its concurrent jobs are used up: try again after the wait said.
    case rateLimited = "rate_limited"
    /// The server stayed full, stopping or unable to run jobs through every retry.
    case unavailable
    /// The server could not be reached: the host unknown, the connection refused or lost.
    case unreachable
    /// The TLS handshake failed: most often a certificate that cannot be verified.
    case tlsFailure = "tls_failure"
  }

  public let code: Code
  /// The failure in words, rendered once by the constructors in ExecutionError+Messages.swift (or
  /// carried over as a server sent it).
  public let message: String

  public init(code: Code, message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
