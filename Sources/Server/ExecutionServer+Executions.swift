import Execution
import FoundationEssentials
import Hummingbird
import NIOCore
import Store

extension ExecutionServer {
  /// Submit, read, cancel, and send stdin.
  func addExecutionRoutes(to router: Router<ServerContext>) {
    router.post("/v1/executions") { request, context -> Response in
      let body = try await readBody(request, limit: configuration.maximumBodyBytes)
      let submission = try Submission.parse(body, configuration: configuration)
      let id = try await service.submit(submission, caller: context.caller, callerKey: context.callerKey)
      guard request.uri.queryParameters.get("wait") == "true" else {
        return JSON.response(bytes: Array("{\"id\":\"\(id)\",\"status\":\"queued\"}".utf8), status: .accepted)
      }
      for await item in service.watch(id, after: 0) {
        if case .event(let event) = item, event.kind == EventPayload.finished {
          return JSON.response(bytes: event.data)
        }
        if case .closed(let why) = item { throw APIError.busy("interrupted", why, retryAfter: 5) }
      }
      throw APIError.busy(
        "interrupted", "the execution did not finish here; GET /v1/executions/\(id)", retryAfter: 5)
    }
    router.get("/v1/executions/:id") { _, context -> Response in
      let job = try await service.job(try context.parameters.require("id"), caller: context.caller)
      return JSON.response(bytes: ExecutionService.body(of: job))
    }
    router.post("/v1/executions/:id/cancel") { _, context -> Response in
      let job = try await service.job(try context.parameters.require("id"), caller: context.caller)
      let state = try await service.cancel(job)
      let status = state == .finished ? "cancelled" : "running"
      return JSON.response(
        bytes: Array("{\"id\":\"\(job.id)\",\"status\":\"\(status)\"}".utf8), status: .accepted)
    }
    router.post("/v1/executions/:id/stdin") { request, context -> Response in
      let job = try await service.job(try context.parameters.require("id"), caller: context.caller)
      let body = try await readBody(request, limit: configuration.maximumStdinChunkBytes)
      let chunk = try StdinChunk.parse(body)
      try service.sendStdin(chunk.bytes, eof: chunk.eof, to: job)
      return JSON.response(
        bytes: Array("{\"id\":\"\(job.id)\",\"status\":\"running\"}".utf8), status: .accepted)
    }
  }

  /// The whole body, or 413 past `limit` (checked on Content-Length first, then while reading).
  func readBody(_ request: Request, limit: Int) async throws(APIError) -> [UInt8] {
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
      throw .tooLarge(limit)
    }
    var request = request
    do {
      let buffer = try await request.collectBody(upTo: limit)
      return Array(buffer.readableBytesView)
    } catch {
      throw .tooLarge(limit)
    }
  }
}

/// A stdin message: text or base64, and whether input ends after it.
struct StdinChunk: Decodable {
  var data: String?
  var data_b64: String?
  var eof: Bool?

  var bytes: [UInt8] {
    if let data_b64, let decoded = Data(base64Encoded: data_b64) { return [UInt8](decoded) }
    return Array((data ?? "").utf8)
  }
  var isEOF: Bool { eof ?? false }

  static func parse(_ body: [UInt8]) throws(APIError) -> (bytes: [UInt8], eof: Bool) {
    let chunk = try Submission.decode(StdinChunk.self, from: body)
    if let encoded = chunk.data_b64, Data(base64Encoded: encoded) == nil {
      throw .invalid("data_b64", "data_b64 is not base64")
    }
    return (chunk.bytes, chunk.isEOF)
  }
}
