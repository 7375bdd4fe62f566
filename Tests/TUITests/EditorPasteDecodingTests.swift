import Testing

@testable import TUI

/// Bracketed paste reaching the editor as one paste event.
@Suite struct EditorPasteDecodingTests {
  func decode(_ raw: String, with decoder: inout KeyDecoder) -> [InputEvent] {
    decoder.decode(Array(raw.utf8))
  }

  @Test func aBracketedPasteBecomesOnePasteEvent() {
    var decoder = KeyDecoder()
    let events = decode("a\u{1B}[200~if x:\r\ty = (1\u{1B}[201~b", with: &decoder)
    #expect(events == [.key(.character("a")), .paste("if x:\n\ty = (1"), .key(.character("b"))])
  }

  @Test func aPasteMaySpanSeveralReads() {
    var decoder = KeyDecoder()
    #expect(decode("\u{1B}[200~one\r", with: &decoder) == [])
    #expect(!decoder.isWaiting, "a paste in progress is not a sequence to time out")
    #expect(decode("two\u{1B}[2", with: &decoder) == [])
    #expect(decoder.timeOut() == [])
    #expect(decode("01~", with: &decoder) == [.paste("one\ntwo")])
  }

  @Test func escapeAndOtherSequencesPassThrough() {
    var decoder = KeyDecoder()
    #expect(decode("\u{1B}", with: &decoder) == [])
    #expect(decoder.timeOut() == [.key(.escape)])
    #expect(decode("\u{1B}\u{1B}[200~z\u{1B}[201~", with: &decoder) == [.key(.escape), .paste("z")])
  }

  @Test func pastedEscapeSequencesStayText() {
    var decoder = KeyDecoder()
    let events = decode("\u{1B}[200~a\u{1B}[31mb\r\nc\u{1B}[201~", with: &decoder)
    #expect(events == [.paste("a\u{1B}[31mb\nc")])
  }

  @Test func thePaneInsertsItLiterally() {
    var decoder = KeyDecoder()
    var pane = EditorPane(state: .init(text: ""), fileName: "t.py")
    for event in decode("\u{1B}[200~def f():\rreturn (\u{1B}[201~", with: &decoder) { _ = pane.handle(event) }
    #expect(pane.state.text == "def f():\nreturn (")
  }
}
