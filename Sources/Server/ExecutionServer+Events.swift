import HTTPTypes
import Hummingbird
import NIOCore
import Store

extension ExecutionServer {
  /// `GET /v1/executions/{id}/events`: server-sent events, resumable with `Last-Event-ID`.
  func addEventRoutes(to router: Router<ServerContext>) {
    router.get("/v1/executions/:id/events") { request, context -> Response in
      let job = try await service.job(try context.parameters.require("id"), caller: context.caller)
      let header = request.headers[.lastEventID]
      let last = header.flatMap { Int64($0.trimmingSpaces) } ?? 0
      if let header, Int64(header.trimmingSpaces) == nil || last < 0 {
        throw APIError.invalid("Last-Event-ID", "Last-Event-ID must be a non-negative integer")
      }
      let items = service.watch(job.id, after: last)
      return Response(
        status: .ok,
        headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
        body: ResponseBody { writer in
          for await item in items {
            try await writer.write(ByteBuffer(string: Self.sse(item)))
          }
          try await writer.finish(nil)
        })
    }
  }

  /// One item in the `text/event-stream` format.
  static func sse(_ item: LiveItem) -> String {
    switch item {
    case .event(let event):
      "id: \(event.id)\nevent: \(event.kind)\ndata: \(String(decoding: event.data, as: UTF8.self))\n\n"
    case .heartbeat: ": heartbeat\n\n"
    case .closed(let why): "event: closed\ndata: {\"message\":\"\(why)\"}\n\n"
    }
  }
}

extension HTTPField.Name {
  static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
