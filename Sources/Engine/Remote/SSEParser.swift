/// Reads a `text/event-stream` from bytes as they arrive, in chunks of any size (a chunk may end in
/// the middle of a line, a character, or between the CR and LF of a line ending).
///
/// The rules are the HTML standard's: lines end with CRLF, LF or CR; a line starting with `:` is a
/// comment (the server's heartbeat) and is skipped; `field: value` loses one space after the colon;
/// `data` lines join with newlines; `id` sets the last event id (ignored when it holds a NUL);
/// `retry` takes only digits; a blank line dispatches the event, unless it has no data. Unknown
/// fields are ignored. Pure: no I/O, so the tests feed it any split of any stream.
struct SSEParser: Sendable {
  /// The id a reconnection sends as `Last-Event-ID`; empty before any.
  private(set) var lastEventID = ""
  /// The reconnection delay the server asked for (`retry:`), in milliseconds.
  private(set) var retryMilliseconds: Int?

  private var line: [UInt8] = []
  private var afterCR = false
  private var type = ""
  private var data: [UInt8] = []
  private var hasData = false

  init() {}

  /// Feeds the next bytes of the stream; returns the events they complete, in order.
  mutating func feed(_ bytes: [UInt8]) -> [ServerSentEvent] {
    var events: [ServerSentEvent] = []
    for byte in bytes {
      if afterCR {
        afterCR = false
        if byte == 0x0A { continue }  // the LF of a CRLF
      }
      switch byte {
      case 0x0D:
        afterCR = true
        if let event = endLine() { events.append(event) }
      case 0x0A:
        if let event = endLine() { events.append(event) }
      default:
        line.append(byte)
      }
    }
    return events
  }

  private mutating func endLine() -> ServerSentEvent? {
    defer { line.removeAll(keepingCapacity: true) }
    if line.isEmpty { return dispatch() }
    if line.first == UInt8(ascii: ":") { return nil }
    let field: [UInt8]
    var value: ArraySlice<UInt8>
    if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
      field = Array(line[..<colon])
      value = line[(colon + 1)...]
      if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
    } else {
      field = line
      value = []
    }
    switch String(decoding: field, as: UTF8.self) {
    case "event": type = String(decoding: value, as: UTF8.self)
    case "data":
      if hasData { data.append(0x0A) }
      data += value
      hasData = true
    case "id" where !value.contains(0): lastEventID = String(decoding: value, as: UTF8.self)
    case "retry" where !value.isEmpty && value.allSatisfy({ (0x30...0x39).contains($0) }):
      retryMilliseconds = Int(String(decoding: value, as: UTF8.self))
    default: break
    }
    return nil
  }

  private mutating func dispatch() -> ServerSentEvent? {
    defer {
      type = ""
      data = []
      hasData = false
    }
    guard hasData else { return nil }
    return ServerSentEvent(
      type: type.isEmpty ? "message" : type, data: String(decoding: data, as: UTF8.self),
      lastEventID: lastEventID)
  }
}
