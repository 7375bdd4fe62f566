import Execution
import FoundationEssentials

/// How the remote backend puts a server's refusal, or a connection that failed, into words: each
/// message says what went wrong and what to do about it.
extension ExecutionError {
  /// An answer other than success. `server` names the server (`host:port`); `attempts` is how many
  /// times it was asked (a 503 is tried again before it comes here).
  init(response: HTTPResponse, server: String, attempts: Int = 1) {
    let body = ServerErrorBody.decode(response.body)
    let said = body?.message ?? "HTTP \(response.status)"
    switch response.status {
    case 401:
      self.init(
        code: .unauthorized,
        message:
          "the server at \(server) refused the token (\(said)); give one from `coderemote tokens create NAME` "
          + "on the server with --token, CODEREMOTE_TOKEN or [remote] token in config.toml")
    case 413:
      self.init(code: .tooLarge, message: "the server at \(server) takes no request this large: \(said)")
    case 422:
      let code: ExecutionError.Code =
        body?.code == "unsupported_language" ? .unsupportedLanguage : .invalidRequest
      let field = body?.field.map { " (field \($0))" } ?? ""
      self.init(code: code, message: "the server at \(server) refused the request\(field): \(said)")
    case 429:
      let wait = response.retryAfterSeconds.map { "; try again in \($0) s" } ?? ""
      self.init(
        code: .rateLimited, message: "the server at \(server) is rate-limiting this token: \(said)\(wait)")
    case 503:
      let tries = attempts > 1 ? " (asked \(attempts) times)" : ""
      self.init(
        code: .unavailable, message: "the server at \(server) cannot take the run now\(tries): \(said)")
    default:
      self.init(
        code: .backendFailure, message: "the server at \(server) answered \(response.status): \(said)")
    }
  }

  /// A request that got no answer at all.
  init(transport failure: TransportFailure, server: String, attempts: Int = 1) {
    let tries = attempts > 1 ? " (tried \(attempts) times)" : ""
    switch failure.kind {
    case .unresolved:
      self.init(code: .unreachable, message: "cannot find the server \(server): \(failure.message)")
    case .notConnected:
      self.init(
        code: .unreachable, message: "cannot reach the server at \(server)\(tries): \(failure.message)")
    case .dropped:
      self.init(
        code: .unreachable,
        message: "lost the connection to the server at \(server)\(tries): \(failure.message)")
    case .tls:
      self.init(
        code: .tlsFailure,
        message:
          "TLS with \(server) failed: \(failure.message) (a certificate of the server's own making needs "
          + "its CA given with --ca-file or [remote] ca_file; verification is never turned off)")
    case .aborted:
      self.init(code: .backendFailure, message: "the request to \(server) was given up")
    case .other:
      self.init(code: .backendFailure, message: "cannot talk to the server at \(server): \(failure.message)")
    }
  }
}

/// The server's error body: `{"error": {"code", "message", "field"?}}`.
struct ServerErrorBody: Decodable, Equatable {
  var code: String
  var message: String
  var field: String?

  static func decode(_ bytes: [UInt8]) -> ServerErrorBody? {
    struct Envelope: Decodable { var error: ServerErrorBody }
    return try? JSONDecoder().decode(Envelope.self, from: Data(bytes)).error
  }
}
