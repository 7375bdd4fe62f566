import Execution
import HTTPTypes
import Hummingbird
import Store

extension ExecutionServer {
  /// `/healthz`, `/metrics`, `/v1/languages`, and `/v1/analyses` (not served yet).
  func addMetaRoutes(to router: Router<ServerContext>) {
    router.get("/healthz") { _, _ in
      JSON.response(bytes: Array("{\"status\":\"ok\"}".utf8))
    }
    router.get("/metrics") { _, _ in
      let depth = try await service.queue.depth()
      let text = service.metrics.text(
        queued: depth.queued, running: depth.running, workers: configuration.workers)
      return Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
    router.get("/v1/languages") { _, _ in
      struct Language: Encodable {
        var name: String
        var version: String
      }
      struct Languages: Encodable { var languages: [Language] }
      return JSON.response(Languages(languages: [Language(name: "python", version: languageVersion)]))
    }
    router.post("/v1/analyses") { request, context -> Response in
      guard let analyzer else {
        throw APIError.unavailable("complexity analysis is not served by this server")
      }
      let body = try await readBody(request, limit: configuration.maximumBodyBytes)
      let asked = try AnalysisSubmission.parse(body)
      try service.admit(callerKey: context.callerKey)
      do {
        return JSON.response(
          bytes: Array(try await analyzer.analyze(asked.code, empirical: asked.empirical).jsonString().utf8))
      } catch let error as AnalysisError {
        if case .syntax = error { throw APIError.invalid("code", error.description) }
        throw APIError.unavailable(error.description)
      }
    }
  }
}
