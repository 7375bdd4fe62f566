import FoundationEssentials
import HTTPTypes
import Hummingbird

/// Every error a client sees: `{"error": {"code", "message", "field"?, "fields"?}}` with its status, and
/// `Retry-After` when waiting helps. Thrown by handlers; `ErrorMiddleware` renders it.
struct APIError: Error, Equatable {
  var status: HTTPResponse.Status
  var code: String
  var message: String
  var field: String?
  /// Every failing field when there are several (a request's files); `field` is the first.
  var fields: [String]?
  var retryAfterSeconds: Int?

  static func badRequest(_ message: String) -> APIError {
    APIError(status: .badRequest, code: "bad_request", message: message)
  }
  static let unauthorized = APIError(
    status: .unauthorized, code: "unauthorized",
    message: "send Authorization: Bearer TOKEN (a token from `coderemote tokens create NAME`)")
  static func notFound(_ message: String) -> APIError {
    APIError(status: .notFound, code: "not_found", message: message)
  }
  static func conflict(_ message: String) -> APIError {
    APIError(status: .conflict, code: "conflict", message: message)
  }
  static func tooLarge(_ limit: Int) -> APIError {
    APIError(status: .contentTooLarge, code: "too_large", message: "the body is larger than \(limit) bytes")
  }
  static func invalid(_ field: String, _ message: String) -> APIError {
    APIError(status: .unprocessableContent, code: "invalid", message: message, field: field)
  }
  static func rateLimited(_ message: String, retryAfter: Int) -> APIError {
    APIError(status: .tooManyRequests, code: "rate_limited", message: message, retryAfterSeconds: retryAfter)
  }
  static func busy(_ code: String, _ message: String, retryAfter: Int) -> APIError {
    APIError(status: .serviceUnavailable, code: code, message: message, retryAfterSeconds: retryAfter)
  }
  static func unavailable(_ message: String) -> APIError {
    APIError(status: .serviceUnavailable, code: "unavailable", message: message)
  }
  static let upgradeRequired = APIError(
    status: .init(code: 426, reasonPhrase: "Upgrade Required"), code: "upgrade_required",
    message: "GET /v1/ws is a WebSocket: send Upgrade: websocket (docs/api.md)")
  static func methodNotAllowed() -> APIError {
    APIError(
      status: .methodNotAllowed, code: "method_not_allowed", message: "this path does not take that method")
  }
  /// The server's own failure (a database error, say): never for bad input.
  static func `internal`(_ message: String) -> APIError {
    APIError(status: .internalServerError, code: "internal", message: message)
  }

  /// The JSON body, `{"error": {...}}`.
  var body: [UInt8] {
    struct Body: Encodable {
      struct Detail: Encodable {
        var code: String
        var message: String
        var field: String?
        var fields: [String]?
      }
      var error: Detail
    }
    return JSON.encode(Body(error: .init(code: code, message: message, field: field, fields: fields)))
  }

  var response: Response {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
  }
}
