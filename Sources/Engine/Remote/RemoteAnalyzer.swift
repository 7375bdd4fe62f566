import Execution
import FoundationEssentials

/// Complexity analysis by a server's `POST /v1/analyses`: the same engine and result as the local
/// analyser, run in the server's sandbox.
public struct RemoteAnalyzer: CodeAnalyzing {
  let client: RemoteClient

  public init(_ backend: RemoteBackend) { client = backend.client }

  /// Code that does not parse is `AnalysisError.syntax` with the server's words; a server that
  /// cannot be reached or refuses is the `ExecutionError` that says so. A cancelled task gets
  /// `CancellationError` at once, and its request is aborted and its connection closed; the API
  /// has no way to cancel an analysis, so the server finishes it (within its time budget) and
  /// its answer goes nowhere (docs/api.md).
  public func analyze(_ code: String, empirical: Bool) async throws -> AnalysisResult {
    struct Body: Encodable {
      var language = "python"
      var code: String
      var empirical: Bool
    }
    let body = (try? Array(JSONEncoder().encode(Body(code: code, empirical: empirical)))) ?? []
    let response = try await client.exchange(
      .post, "/v1/analyses", body: body, idempotent: true, timeoutSeconds: 300, accepting: [422])
    if response.status == 422 {
      let refusal = ServerErrorBody.decode(response.body)
      guard let refusal, refusal.field == "code" else {
        throw ExecutionError(response: response, server: client.endpoint.server)
      }
      throw AnalysisError.syntax(line: 0, message: refusal.message)
    }
    guard let result = try? JSONDecoder().decode(AnalysisResult.self, from: Data(response.body)) else {
      throw ExecutionError(
        code: .backendFailure,
        message: "the server at \(client.endpoint.server) sent an analysis this client cannot read")
    }
    return result
  }
}
