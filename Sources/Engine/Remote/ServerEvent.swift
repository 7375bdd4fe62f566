import Execution
import FoundationEssentials

/// What one event of the server's stream means for the run (docs/api.md, "Events").
enum ServerEvent: Equatable {
  /// `status`: the job's state; `running` means the program has started.
  case status(String)
  case output(ExecutionEvent)
  case finished(ExecutionResult)
  /// The server dropped this client (it did not keep up, or the server is stopping): reconnect.
  case closed
  /// A kind this client does not know: a newer server's, skipped.
  case unknown

  init(_ event: ServerSentEvent) throws(ExecutionError) {
    let data = Data(event.data.utf8)
    func unreadable() -> ExecutionError {
      ExecutionError(
        code: .backendFailure, message: "the server sent a \(event.type) event this client cannot read")
    }
    switch event.type {
    case "status":
      struct Status: Decodable { var status: String }
      guard let status = try? JSONDecoder().decode(Status.self, from: data) else { throw unreadable() }
      self = .status(status.status)
    case "stdout", "stderr":
      struct Chunk: Decodable {
        var data: String
        var data_b64: String?
      }
      guard let chunk = try? JSONDecoder().decode(Chunk.self, from: data) else { throw unreadable() }
      var bytes = Array(chunk.data.utf8)
      if let encoded = chunk.data_b64 {
        guard let exact = Data(base64Encoded: encoded) else { throw unreadable() }
        bytes = [UInt8](exact)
      }
      self = .output(event.type == "stdout" ? .stdout(bytes) : .stderr(bytes))
    case "finished":
      guard let result = try? JSONDecoder().decode(ExecutionResult.self, from: data) else {
        throw unreadable()
      }
      self = .finished(result)
    case "closed": self = .closed
    default: self = .unknown
    }
  }
}
