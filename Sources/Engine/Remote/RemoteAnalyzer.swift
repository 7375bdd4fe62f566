import Execution
import FoundationEssentials
import Processes

/// Complexity analysis by a server's `POST /v1/analyses`: the same engine and result as the local
/// analyser, run in the server's sandbox.
public struct RemoteAnalyzer: CodeAnalyzing {
  let client: RemoteClient

  public init(_ backend: RemoteBackend) { client = backend.client }

  /// Code that does not parse is `AnalysisError.syntax` with the server's words; a server that
  /// cannot be reached or refuses is the `ExecutionError` that says so.
  public func analyze(_ code: String, empirical: Bool) async throws -> AnalysisResult {
    struct Body: Encodable {
      var language = "python"
      var code: String
      var empirical: Bool
    }
    let body = (try? Array(JSONEncoder().encode(Body(code: code, empirical: empirical)))) ?? []
    let client = client
    let outcome: Result<HTTPResponse, ExecutionError> = await withCheckedContinuation { done in
      DetachedThread.start {
        done.resume(
          returning: Result { () throws(ExecutionError) -> HTTPResponse in
            try client.exchange(
              .post, "/v1/analyses", body: body, idempotent: true, timeoutSeconds: 300, accepting: [422])
          })
      }
    }
    switch outcome {
    case .success(let response) where response.status == 422:
      let refusal = ServerErrorBody.decode(response.body)
      guard let refusal, refusal.field == "code" else {
        throw ExecutionError(response: response, server: client.endpoint.server)
      }
      throw AnalysisError.syntax(line: 0, message: refusal.message)
    case .success(let response):
      guard let result = try? JSONDecoder().decode(AnalysisResult.self, from: Data(response.body)) else {
        throw ExecutionError(
          code: .backendFailure,
          message: "the server at \(client.endpoint.server) sent an analysis this client cannot read")
      }
      return result
    case .failure(let error): throw error
    }
  }
}
