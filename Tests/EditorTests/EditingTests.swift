import Editor
import Testing

/// Keystroke-level editing, written as marked text: before, commands, after.
@Suite struct EditingTests {
  func check(
    _ before: String, _ commands: [EditorCommand], _ after: String,
    settings: EditorSettings = EditorSettings(autoClose: false),
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var state = MarkedText.state(before, settings: settings)
    for command in commands { state.apply(command) }
    #expect(MarkedText.render(state) == after, sourceLocation: sourceLocation)
  }

  @Test func typingInsertsAtTheCursorAndReplacesTheSelection() {
    check("de|f", [.insert("x")], "dex|f")
    check("a«bc|d", [.insert("X")], "aX|d")
    check("a|bc«d", [.insert("日本")], "a日本|d")
  }

  @Test func pasteIsLiteral() {
    check("if x:|", [.paste("\ny = 1")], "if x:\ny = 1|")
    check(
      "f|", [.paste("(")], "f(|", settings: EditorSettings(autoClose: true))
  }

  @Test func enterKeepsIndentationAndIndentsAfterColon() {
    check("    x = 1|", [.newline], "    x = 1\n    |")
    check("def f():|", [.newline], "def f():\n    |")
    check("for i in x:  # loop|", [.newline], "for i in x:  # loop\n    |")
    check("s = 'a:'|", [.newline], "s = 'a:'\n|")
    check("    return x|", [.newline], "    return x\n|")
    check("        pass|", [.newline], "        pass\n    |")
  }

  @Test func enterSplitsTheLineAndDropsBlanksAtTheCut() {
    check("    ab|  cd", [.newline], "    ab\n    |cd")
    check("    |", [.newline], "\n    |")
    check("x = f(|)", [.newline], "x = f(\n    |\n)")
  }

  @Test func backspaceRemovesAnIndentLevelInLeadingWhitespace() {
    check("        |x", [.backspace], "    |x")
    check("      |x", [.backspace], "    |x")
    check("    a |x", [.backspace], "    a|x")
    check("ab\n|cd", [.backspace], "ab|cd")
    check("e\u{301}|x", [.backspace], "|x")
    check("👩‍💻|", [.backspace], "|")
  }

  @Test func deleteForwardRemovesOneGraphemeOrTheLineBreak() {
    check("a|🇫🇷b", [.deleteForward], "a|b")
    check("ab|\ncd", [.deleteForward], "ab|cd")
    check("«abc|", [.deleteForward], "|")
  }

  @Test func tabInsertsSpacesToTheNextStop() {
    check("ab|", [.indent], "ab  |")
    check("|", [.indent], "    |")
    check("xyz|", [.indent], "xyz |", settings: EditorSettings(indentWidth: 2, autoClose: false))
  }

  @Test func tabAndShiftTabIndentAndDedentSelectedLines() {
    check("«a\nb\n|c", [.indent], "«    a\n    b\n|c")
    check("a|b", [.move(.right, extend: true), .indent], "    a«b|")
    check("«    a\n  b\n|c", [.dedent], "«a\nb\n|c")
    check("    a|", [.dedent], "a|")
    check("«a\n\nb|", [.indent], "«    a\n\n    b|")
  }

  @Test func toggleCommentCommentsAtTheCommonIndentAndBack() {
    check("«    a\n      b|", [.toggleComment], "«    # a\n    #   b|")
    check("«    # a\n    #   b|", [.toggleComment], "«    a\n      b|")
    check("x = 1|", [.toggleComment], "# x = 1|")
    check("#x|", [.toggleComment], "x|")
    check("# a\n|b", [.toggleComment], "# a\n# |b")
  }

  @Test func autoCloseTypesPairsAndStepsOverClosers() {
    let on = EditorSettings(autoClose: true)
    check("f|", [.insert("(")], "f(|)", settings: on)
    check("f(|)", [.insert(")")], "f()|", settings: on)
    check("|", [.insert("\"")], "\"|\"", settings: on)
    check("f|", [.insert("\"")], "f\"|\"", settings: on)
    check("word|", [.insert("'")], "word'|", settings: on)
    check("|x", [.insert("(")], "(|x", settings: on)
    check("(|)", [.backspace], "|", settings: on)
    check(
      "print|", [.insert("("), .insert("\""), .insert("h"), .insert("\""), .insert(")")], "print(\"h\")|",
      settings: on)
  }

  @Test func leftAndRightMoveByGraphemeCluster() {
    check("a|👩‍💻b", [.move(.right)], "a👩‍💻|b")
    check("ae\u{301}|b", [.move(.left)], "a|e\u{301}b")
    check("ab\n|c", [.move(.left)], "ab|\nc")
    check("ab|\nc", [.move(.right)], "ab\n|c")
    check("«abc|", [.move(.left)], "|abc")
    check("|abc«", [.move(.right)], "abc|")
  }

  @Test func wordMovementStopsAtRunsAndLineEdges() {
    check("|foo.bar  baz", [.move(.wordRight)], "foo|.bar  baz")
    check("foo|.bar  baz", [.move(.wordRight)], "foo.|bar  baz")
    check("foo.|bar  baz", [.move(.wordRight)], "foo.bar  |baz")
    check("foo.bar  baz|", [.move(.wordLeft)], "foo.bar  |baz")
    check("foo.bar  |baz", [.move(.wordLeft)], "foo.|bar  baz")
    check("ab|\ncd", [.move(.wordRight)], "ab\n|cd")
    check("ab\n|cd", [.move(.wordLeft)], "ab|\ncd")
  }

  @Test func smartHomeGoesToFirstNonBlankThenColumnZero() {
    check("    ab|c", [.move(.lineStart)], "    |abc")
    check("    |abc", [.move(.lineStart)], "|    abc")
    check("|    abc", [.move(.lineStart)], "    |abc")
    check("ab|c\nd", [.move(.lineEnd)], "abc|\nd")
  }

  @Test func verticalMovementKeepsTheScreenColumnAcrossShortLinesAndWideCharacters() {
    check("abcdef|\nab\nabcdefgh", [.move(.down), .move(.down)], "abcdef\nab\nabcdef|gh")
    check("abcd|\n日本語", [.move(.down)], "abcd\n日本|語")
    check("abc|\n日本語", [.move(.down)], "abc\n日|本語")
    check("日本|語\nabcdef", [.move(.down)], "日本語\nabcd|ef")
    check("\tx|\nabcdefgh", [.move(.down)], "\tx\nabcde|fgh")
    check("ab|c", [.move(.up)], "|abc")
    check("ab|c", [.move(.down)], "abc|")
  }

  @Test func pagesAndDocumentEdges() {
    check("a\nb|\nc\nd\ne", [.move(.pageDown(lines: 2))], "a\nb\nc\nd|\ne")
    check("a\nb\nc\nd|\ne", [.move(.pageUp(lines: 10))], "|a\nb\nc\nd\ne")
    check("a\nb|\nc", [.move(.documentEnd)], "a\nb\nc|")
    check("a\nb|\nc", [.move(.documentStart)], "|a\nb\nc")
  }

  @Test func shiftExtendsTheSelectionForEveryMovement() {
    check("ab|cd", [.move(.right, extend: true), .move(.right, extend: true)], "ab«cd|")
    check("ab|cd", [.move(.lineStart, extend: true)], "|ab«cd")
    check("a|b\ncd", [.move(.down, extend: true)], "a«b\nc|d")
    check("foo bar|", [.move(.wordLeft, extend: true)], "foo |bar«")
    check("x|y", [.move(.documentEnd, extend: true)], "x«y|")
  }

  @Test func goToLineLandsOnTheFirstNonBlank() {
    check("a\n  b\nc|", [.goToLine(2)], "a\n  |b\nc")
    check("a|\nb", [.goToLine(99)], "a\n|b")
    check("a\nb|", [.goToLine(0)], "|a\nb")
  }

  @Test func selectWordLineAndAll() {
    check("foo ba|r baz", [.selectWord], "foo «bar| baz")
    check("foo bar| baz", [.selectWord], "foo «bar| baz")
    check("a\nb|c\nd", [.selectLine], "a\n«bc\n|d")
    check("a\n«bc\n|d", [.selectLine], "a\n«bc\nd|")
    check("a|b", [.selectAll], "«ab|")
  }

  @Test func cutCopyAndPasteUseTheRegister() {
    check("a«bc|d", [.cut, .move(.documentEnd), .pasteRegister], "adbc|")
    check("a«bc|d", [.copy, .pasteRegister], "abc|d")
    check("one\nt|wo\nthree", [.cut], "one\n|three")
    check("one\nt|wo\nthree", [.copy, .move(.down), .pasteRegister], "one\ntwo\ntwo\nt|hree")
    check("one\ntw|o", [.cut], "one|")
  }

  @Test func matchingBracketJumps() {
    check("|f(a[1], (b))", [.move(.right), .jumpToMatchingBracket], "f(a[1], (b)|)")
    check("f(a[1], (b))|", [.jumpToMatchingBracket], "f|(a[1], (b))")
    check("x = |1", [.jumpToMatchingBracket], "x = |1")
    check("|f(\")\", [\n  1])  # )", [.move(.right), .jumpToMatchingBracket], "f(\")\", [\n  1]|)  # )")
    check("x = [1,\n  '['\n]|", [.jumpToMatchingBracket], "x = |[1,\n  '['\n]")
    check("s = '(|)'", [.jumpToMatchingBracket], "s = '(|)'")
  }

  @Test func cursorReportsLineAndGraphemeColumn() {
    let state = MarkedText.state("ab\n日e\u{301}|x")
    #expect(state.cursor == Position(line: 1, column: 2))
    #expect(state.offset(of: Position(line: 1, column: 2)) == state.selection.head)
    #expect(state.offset(of: Position(line: 9, column: 99)) == state.storage.byteCount)
  }
}

/// A closing bracket typed on an auto-indented line lines up with the line that opened it.
@Suite struct ClosingBracketTests {
  func typed(_ before: String, _ keys: [EditorCommand], autoClose: Bool = false) -> String {
    var state = MarkedText.state(before, settings: EditorSettings(autoClose: autoClose))
    for key in keys { state.apply(key, at: .zero) }
    return MarkedText.render(state)
  }

  @Test func theCloserGoesBackToTheOpenersIndentation() {
    #expect(typed("x = [|", [.newline, .insert("1,"), .newline, .insert("]")]) == "x = [\n    1,\n]|")
    #expect(
      typed("    f(|", [.newline, .insert("a"), .newline, .insert(")")]) == "    f(\n        a\n    )|")
    #expect(typed("d = {\n  'a': 1,\n      |", [.insert("}")]) == "d = {\n  'a': 1,\n}|")
  }

  @Test func withAutoCloseToo() {
    let keys: [EditorCommand] = [.insert("["), .newline, .insert("1,"), .newline, .insert("]")]
    #expect(typed("x = |", keys, autoClose: true) == "x = [\n    1,\n]|\n]")
  }

  @Test func onlyAsTheFirstThingOnTheLineAndOnlyForItsOwnOpener() {
    #expect(typed("x = [\n    1|", [.insert("]")]) == "x = [\n    1]|")
    #expect(typed("x = [1|", [.insert("]")]) == "x = [1]|")
    #expect(typed("x = (\n    s = '[',\n    |", [.insert("]")]) == "x = (\n    s = '[',\n    ]|")
  }

  @Test func oneUndoStepWithTheTyping() {
    var state = MarkedText.state("x = [\n    1,\n    |", settings: EditorSettings(autoClose: false))
    state.apply(.insert("]"), at: .zero)
    state.apply(.undo)
    #expect(MarkedText.render(state) == "x = [\n    1,\n    |")
  }
}
