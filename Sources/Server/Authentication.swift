import Hummingbird
import Store

/// Every route but `/healthz` needs `Authorization: Bearer TOKEN` for a live token, unless the
/// server allows anonymous callers. The caller's token id goes into the context.
struct Authentication: RouterMiddleware {
  let tokens: TokenStore
  let allowAnonymous: Bool

  func handle(
    _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    if request.uri.path == "/healthz" || allowAnonymous { return try await next(request, context) }
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
      throw APIError.unauthorized
    }
    let secret = String(header.dropFirst("Bearer ".count)).trimmingSpaces
    guard let token = try await tokens.live(hash: TokenSecret.hash(secret)) else {
      throw APIError(
        status: .unauthorized, code: "unauthorized", message: "the token is unknown or revoked")
    }
    var context = context
    context.caller = token.id
    return try await next(request, context)
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
