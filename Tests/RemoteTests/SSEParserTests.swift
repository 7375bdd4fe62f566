import Testing

@testable import Remote

@Suite("SSE parser")
struct SSEParserTests {
  /// Every event of `stream`, fed in pieces of `size` bytes.
  func events(_ stream: String, piece size: Int = .max) -> ([ServerSentEvent], SSEParser) {
    var parser = SSEParser()
    var events: [ServerSentEvent] = []
    let bytes = Array(stream.utf8)
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + size)
      events += parser.feed(Array(bytes[start..<end]))
      start = end
    }
    return (events, parser)
  }

  @Test("fields, ids and the server's own stream")
  func serverStream() {
    let stream = """
      id: 41
      event: status
      data: {"status":"running"}

      : heartbeat

      id: 42
      event: stdout
      data: {"data":"42\\n"}


      """
    let (events, parser) = events(stream)
    #expect(
      events == [
        ServerSentEvent(type: "status", data: #"{"status":"running"}"#, lastEventID: "41"),
        ServerSentEvent(type: "stdout", data: #"{"data":"42\n"}"#, lastEventID: "42"),
      ])
    #expect(parser.lastEventID == "42")
  }

  @Test("data lines join with newlines; no space after the colon, or two, are kept as the standard says")
  func multiLineData() {
    let (events, _) = events("data:one\ndata:  two\ndata\ndata: three\n\n")
    #expect(events.map(\.data) == ["one\n two\n\nthree"])
    #expect(events.first?.type == "message")
  }

  @Test("comments and heartbeats make no events; an event without data is not dispatched but its id counts")
  func comments() {
    let (events, parser) = events(": heartbeat\n\n:\n\nid: 7\nevent: status\n\nevent: x\n\n")
    #expect(events.isEmpty)
    #expect(parser.lastEventID == "7")
  }

  @Test("CRLF, CR and LF all end lines, also when a chunk ends between the CR and the LF")
  func lineEndings() {
    let stream = "id: 1\r\ndata: a\r\n\r\nid: 2\rdata: b\r\rdata: c\n\n"
    for size in 1...stream.utf8.count {
      let (events, parser) = events(stream, piece: size)
      #expect(events.map(\.data) == ["a", "b", "c"], "pieces of \(size)")
      #expect(events.map(\.lastEventID) == ["1", "2", "2"])
      #expect(parser.lastEventID == "2")
    }
  }

  @Test("a character split between chunks arrives whole")
  func splitCharacter() {
    let (events, _) = events("data: héllo ✓ 😀\n\n", piece: 1)
    #expect(events.map(\.data) == ["héllo ✓ 😀"])
  }

  @Test("retry takes digits only; an id holding NUL is ignored; unknown fields are skipped")
  func retryAndOddFields() {
    var (_, parser) = events("retry: 2500\n\n")
    #expect(parser.retryMilliseconds == 2500)
    _ = parser.feed(Array("retry: 3s\nid: 9\nid: a\u{0}b\nfoo: bar\ndata: x\n\n".utf8))
    #expect(parser.retryMilliseconds == 2500)
    #expect(parser.lastEventID == "9")
  }

  @Test("an event not yet ended by a blank line is not dispatched")
  func incomplete() {
    var parser = SSEParser()
    #expect(parser.feed(Array("id: 3\ndata: par".utf8)).isEmpty)
    #expect(parser.feed(Array("tial\n".utf8)).isEmpty)
    #expect(parser.feed(Array("\n".utf8)).map(\.data) == ["partial"])
  }
}
