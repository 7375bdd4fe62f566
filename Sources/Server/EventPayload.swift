import Execution
import FoundationEssentials
import Store

/// The data of a stored event, the same JSON for SSE (`data:`) and WebSocket messages.
enum EventPayload {
  static let status = "status"
  static let stdout = "stdout"
  static let stderr = "stderr"
  static let finished = "finished"

  static func status(_ state: JobState) -> [UInt8] { Array("{\"status\":\"\(state.rawValue)\"}".utf8) }

  /// Output as text, plus the exact bytes in base64 when they are not UTF-8 (a chunk may also split
  /// a character: the base64 is then what a client should join).
  static func output(_ bytes: [UInt8]) -> [UInt8] {
    struct Chunk: Encodable {
      var data: String
      var data_b64: String?
    }
    let text = String(validating: bytes, as: UTF8.self)
    return JSON.encode(
      Chunk(
        data: text ?? String(decoding: bytes, as: UTF8.self),
        data_b64: text == nil ? Data(bytes).base64EncodedString() : nil))
  }

  static func result(_ result: ExecutionResult) -> [UInt8] { Array(result.jsonString().utf8) }

  /// A WebSocket message: the payload object with `type` and `id` added in front.
  static func message(type: String, id: Int64?, payload: [UInt8]) -> String {
    var head = "{\"type\":\"\(type)\""
    if let id { head += ",\"id\":\(id)" }
    let rest = payload.dropFirst()  // the payload's "{"
    return head + (rest.first == UInt8(ascii: "}") ? "" : ",") + String(decoding: rest, as: UTF8.self)
  }
}
