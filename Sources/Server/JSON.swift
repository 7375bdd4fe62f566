import FoundationEssentials
import Hummingbird

/// JSON in and out, keys sorted so bodies are stable.
enum JSON {
  static func encode(_ value: some Encodable) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { [UInt8]($0) } ?? Array("{}".utf8)
  }

  static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    response(bytes: encode(value), status: status)
  }

  static func response(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}
