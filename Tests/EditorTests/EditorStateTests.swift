import Editor
import Testing

@Suite struct EditorStateTests {
  @Test func typingBuildsLines() {
    var state = EditorState()
    state.apply(.insert("ab"))
    state.apply(.newline)
    state.apply(.insert("c"))
    #expect(state.text == "ab\nc")
    #expect(state.cursor == Position(line: 1, column: 1))
  }

  @Test func enterAfterColonIndents() {
    var state = EditorState()
    state.apply(.insert("for i in x:"))
    state.apply(.newline)
    #expect(state.lines == ["for i in x:", "    "])
    state.apply(.backspace)
    #expect(state.lines[1] == "")
  }

  @Test func backspaceJoinsLines() {
    var state = EditorState(text: "ab\ncd")
    state.apply(.moveDown)
    state.apply(.backspace)
    #expect(state.text == "abcd")
    #expect(state.cursor == Position(line: 0, column: 2))
  }

  @Test func displayWidthOfWideAndCombining() {
    #expect(DisplayWidth.of("日本") == 4)
    #expect(DisplayWidth.of("🎉") == 2)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("👩‍💻") == 2)
  }
}
