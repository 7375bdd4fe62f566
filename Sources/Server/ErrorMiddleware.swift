import Hummingbird
import Logging

/// Renders every error as the API's JSON: an `APIError` as it is, Hummingbird's own (no such route,
/// a body over the limit) with their status, and anything else as a logged 500.
struct ErrorMiddleware: RouterMiddleware {
  func handle(
    _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      return error.response
    } catch let error as HTTPError {
      return Self.translate(error.status).response
    } catch {
      context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
      return APIError.internal("the server failed to answer; see its log").response
    }
  }

  static func translate(_ status: HTTPResponse.Status) -> APIError {
    switch status {
    case .notFound: .notFound("no such path")
    case .methodNotAllowed: .methodNotAllowed()
    case .contentTooLarge: APIError(status: status, code: "too_large", message: "the body is too large")
    case .badRequest: .badRequest("the request is malformed")
    default: APIError(status: status, code: "http_\(status.code)", message: status.reasonPhrase)
    }
  }
}
