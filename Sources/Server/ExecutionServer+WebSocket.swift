import FoundationEssentials
import Hummingbird
import HummingbirdWebSocket
import Store
import Synchronization

extension ExecutionServer {
  /// `GET /v1/ws`: one execution at a time per socket. The client sends `execute`, `stdin` and
  /// `cancel` messages; the server sends the SSE events as `{"type": kind, "id", …}` messages, and
  /// `{"type": "error", "error": {…}}` for a refused message (the socket stays open).
  func addWebSocketRoute(to router: Router<ServerContext>) {
    // A plain GET (no upgrade) would otherwise be answered 200 with nothing: say what it is.
    router.ws(
      "/v1/ws",
      shouldUpgrade: { request, _ in
        guard request.headers[.upgrade]?.lowercased() == "websocket" else { throw APIError.upgradeRequired }
        return .upgrade([:])
      }
    ) { inbound, outbound, context in
      let caller = context.requestContext.caller
      let callerKey = context.requestContext.callerKey
      let current = CurrentExecution()
      try await withThrowingTaskGroup(of: Void.self) { group in
        for try await message in inbound.messages(maxSize: configuration.maximumBodyBytes) {
          guard case .text(let text) = message else {
            try await outbound.write(.text(Self.wsError(.badRequest("send JSON text messages"))))
            continue
          }
          do throws(APIError) {
            let reply = try await handle(
              Array(text.utf8), current: current, caller: caller, callerKey: callerKey)
            if let id = reply {
              group.addTask { () async throws -> Void in
                for await item in service.watch(id, after: 0) {
                  switch item {
                  case .event(let event):
                    try await outbound.write(
                      .text(EventPayload.message(type: event.kind, id: event.id, payload: event.data)))
                  case .heartbeat: try await outbound.write(.pong)
                  case .closed(let why):
                    try await outbound.write(.text(Self.wsError(.busy("interrupted", why, retryAfter: 5))))
                  }
                }
                current.id.withLock { if $0 == id { $0 = nil } }
              }
            }
          } catch {
            try await outbound.write(.text(Self.wsError(error)))
          }
        }
        // The client went: stop what it started, as a closed terminal would.
        if let id = current.id.withLock({ $0 }), let job = try? await service.job(id, caller: caller) {
          _ = try? await service.cancel(job)
        }
        group.cancelAll()
      }
    }
  }

  /// One client message; returns the id of an execution it started.
  private func handle(
    _ text: [UInt8], current: CurrentExecution, caller: String?, callerKey: String
  ) async throws(APIError) -> String? {
    struct Kind: Decodable { var type: String? }
    guard let kind = try? JSONDecoder().decode(Kind.self, from: Data(text)) else {
      throw .badRequest("the message is not a JSON object")
    }
    switch kind.type {
    case "execute":
      if current.id.withLock({ $0 }) != nil {
        throw .conflict("an execution is still running on this socket")
      }
      let submission = try Submission.parse(text, configuration: configuration)
      let id = try await service.submit(submission, caller: caller, callerKey: callerKey)
      current.id.withLock { $0 = id }
      return id
    case "stdin":
      guard let id = current.id.withLock({ $0 }) else {
        throw .conflict("no execution is running on this socket")
      }
      let chunk = try StdinChunk.parse(text)
      try service.sendStdin(chunk.bytes, eof: chunk.eof, to: try await service.job(id, caller: caller))
      return nil
    case "cancel":
      guard let id = current.id.withLock({ $0 }) else {
        throw .conflict("no execution is running on this socket")
      }
      _ = try await service.cancel(try await service.job(id, caller: caller))
      return nil
    default:
      throw .invalid("type", "type must be execute, stdin or cancel")
    }
  }

  static func wsError(_ error: APIError) -> String {
    EventPayload.message(type: "error", id: nil, payload: error.body)
  }
}

/// The execution a socket is running, if any.
final class CurrentExecution: Sendable {
  let id = Mutex<String?>(nil)
}
