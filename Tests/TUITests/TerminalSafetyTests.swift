import Testing

@testable import TUI

@Suite struct TerminalSafetyTests {
  @Test func controlCharactersBecomeVisible() {
    let segments = VisibleText.segments("a\u{1B}[31mb\u{07}")
    #expect(segments.map(\.text) == ["a", "␛", "[31mb", "^G"])
    #expect(segments.map(\.inert) == [false, true, false, true])
  }

  @Test func tabsExpandToTheNextStop() {
    #expect(VisibleText.segments("ab\tc", tabWidth: 4).map(\.text) == ["ab  c"])
  }

  @Test func bidiOverridesAreShown() {
    #expect(VisibleText.segments("a\u{202E}b").map(\.text) == ["a", "<U+202E>", "b"])
  }

  @Test func neutraliseKeepsNewlinesAndText() {
    let out = TerminalSafeText.neutralise(Array("x\u{1B}]52;c;AAAA\u{07}\ny\tz\r\n".utf8))
    #expect(String(decoding: out, as: UTF8.self) == "x␛]52;c;AAAA^G\ny\tz\r\n")
  }

  @Test func neutraliseCatchesC1Controls() {
    let out = TerminalSafeText.neutralise([0x61, 0xC2, 0x9B, 0x32, 0x4A])
    #expect(String(decoding: out, as: UTF8.self) == "a<U+9B>2J")
  }

  @Test func neutralisePassesInvalidUTF8Through() {
    #expect(TerminalSafeText.neutralise([0xFF, 0xFE, 0x41]) == [0xFF, 0xFE, 0x41])
  }
}
