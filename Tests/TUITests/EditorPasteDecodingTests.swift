import Testing

@testable import TUI

/// Bracketed paste reaching the editor as one paste event.
@Suite struct EditorPasteDecodingTests {
  /// The events ncurses delivers for raw terminal input.
  func keys(_ raw: String) -> [InputEvent] {
    raw.unicodeScalars.map { .key(NcursesBackend.characterKey($0)) }
  }

  @Test func aBracketedPasteBecomesOnePasteEvent() {
    var decoder = ClipboardPasteDecoder()
    let events = decoder.decode(keys("a\u{1B}[200~if x:\r\ty = (1\u{1B}[201~b"))
    #expect(events == [.key(.character("a")), .paste("if x:\n\ty = (1"), .key(.character("b"))])
  }

  @Test func aPasteMaySpanSeveralReads() {
    var decoder = ClipboardPasteDecoder()
    #expect(decoder.decode(keys("\u{1B}[200~one\r")) == [])
    #expect(decoder.decode(keys("two\u{1B}[2")) == [])
    #expect(decoder.decode(keys("01~")) == [.paste("one\ntwo")])
  }

  @Test func escapeAndOtherSequencesPassThrough() {
    var decoder = ClipboardPasteDecoder()
    #expect(decoder.decode(keys("\u{1B}")) == [.key(.escape)])
    #expect(decoder.decode(keys("\u{1B}[2x")) == keys("\u{1B}[2x"))
    #expect(decoder.decode(keys("\u{1B}\u{1B}[200~z\u{1B}[201~")) == [.key(.escape), .paste("z")])
  }

  @Test func pastedEscapeSequencesStayText() {
    var decoder = ClipboardPasteDecoder()
    let events = decoder.decode(keys("\u{1B}[200~a\u{1B}[31mb\u{1B}[201~"))
    #expect(events == [.paste("a\u{1B}[31mb")])
  }

  @Test func thePaneInsertsItLiterally() {
    var decoder = ClipboardPasteDecoder()
    var pane = EditorPane(state: .init(text: ""), fileName: "t.py")
    for event in decoder.decode(keys("\u{1B}[200~def f():\rreturn (\u{1B}[201~")) { _ = pane.handle(event) }
    #expect(pane.state.text == "def f():\nreturn (")
  }
}
