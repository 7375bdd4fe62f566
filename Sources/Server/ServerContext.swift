import Hummingbird
import HummingbirdWebSocket

/// The request context of every route: Hummingbird's, the WebSocket upgrade slot, and the caller
/// the authentication middleware found.
struct ServerContext: RequestContext, WebSocketRequestContext {
  var coreContext: CoreRequestContextStorage
  let webSocket: WebSocketHandlerReference<ServerContext>
  /// The token's id, or nil for an anonymous server.
  var caller: String?

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    webSocket = .init()
  }

  /// The key for per-caller limits.
  var callerKey: String { caller ?? "anonymous" }
}
