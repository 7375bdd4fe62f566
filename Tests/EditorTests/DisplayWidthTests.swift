import Editor
import Testing

@Suite struct DisplayWidthTests {
  @Test func graphemeClustersHaveTheirTerminalWidth() {
    #expect(DisplayWidth.of("a") == 1)
    #expect(DisplayWidth.of("日本") == 4)
    #expect(DisplayWidth.of("한") == 2)
    #expect(DisplayWidth.of("🎉") == 2)
    #expect(DisplayWidth.of("❤️") == 2)  // VS16 asks for the emoji glyph
    #expect(DisplayWidth.of("❤") == 1)
    #expect(DisplayWidth.of("👩‍💻") == 2)  // ZWJ sequence: one glyph
    #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)
    #expect(DisplayWidth.of("🇫🇷") == 2)
    #expect(DisplayWidth.of("e\u{301}") == 1)  // combining mark rides on its base
    #expect(DisplayWidth.of("\u{301}") == 0)
    #expect(DisplayWidth.of("\u{200B}") == 0)
  }

  @Test func tabsReachTheNextStopAndControlsShowTheirPicture() {
    #expect(DisplayWidth.onScreen("\t", atColumn: 0, tabWidth: 4) == 4)
    #expect(DisplayWidth.onScreen("\t", atColumn: 5, tabWidth: 4) == 3)
    #expect(DisplayWidth.onScreen("a\tb", tabWidth: 4) == 5)
    #expect(DisplayWidth.onScreen("\u{1}", atColumn: 0, tabWidth: 4) == 2)
    #expect(ControlPicture.substitute(for: "\u{1B}") == "␛")
    #expect(ControlPicture.substitute(for: "\u{7F}") == "^?")
    #expect(ControlPicture.substitute(for: "\u{202E}") == "<U+202E>")
    #expect(ControlPicture.substitute(for: "x") == nil)
  }

  @Test func cursorColumnsCountScreenCells() {
    let state = EditorState(text: "日本\te\u{301}x")
    #expect(state.screenColumn(inLine: state.line(0), byteOffset: 6) == 4)
    #expect(state.screenColumn(inLine: state.line(0), byteOffset: 7) == 8)
    #expect(state.screenColumn(inLine: state.line(0), byteOffset: 10) == 9)
  }
}
