import Editor
import Testing

@testable import TUI

/// Keystroke tests in marked-text notation ("de|f", keys, "d|f"; `«` marks a selection's anchor),
/// through the pane's key map with the default settings (auto-close on).
@Suite struct EditorKeyTests {
  func check(
    _ before: String, _ keys: [Key], _ after: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var pane = EditorPane(state: MarkedText.state(before), fileName: "t.py")
    pane.clock = { .zero }
    for key in keys { _ = pane.handle(.key(key)) }
    #expect(MarkedText.render(pane.state) == after, sourceLocation: sourceLocation)
  }

  @Test func editingKeys() {
    check("de|f", [.backspace], "d|f")
    check("de|f", [.delete], "de|")
    check("if x:|", [.enter, .character("y")], "if x:\n    y|")
    check("    |x", [.backspace], "|x")
    check("f|", [.character("(")], "f(|)")
    check("«a\nb|", [.tab], "«    a\n    b|")
    check("    a|", [.backTab], "a|")
    check("x|", [.ctrl("t")], "# x|")
  }

  @Test func movementAndSelectionKeys() {
    check("ab|c", [.home], "|abc")
    check("  ab|c", [.home, .home], "|  abc")
    check("a|bc", [.end], "abc|")
    check("ab|c", [.modified(.left, .shift)], "a|b«c")
    check("foo bar|", [.modified(.left, .control)], "foo |bar")
    check("a\nb|", [.modified(.home, .control)], "|a\nb")
    check("|a\nb", [.modified(.end, [.control, .shift])], "«a\nb|")
    check("x = ab|c", [.ctrl("d")], "x = «abc|")
    check("a|\nb", [.ctrl("l")], "«a\n|b")
    check("a|b", [.ctrl("a")], "«ab|")
    check("«ab|", [.escape], "ab|")
    check("(a|)", [.ctrl("b")], "|(a)")
  }

  @Test func clipboardAndUndoKeys() {
    check("«ab|c", [.ctrl("x"), .end, .ctrl("v")], "cab|")
    check("«ab|c", [.modified(.insert, .control), .end, .modified(.insert, .shift)], "abcab|")
    check("abc|", [.character("d"), .ctrl("z")], "abc|")
    check("abc|", [.character("d"), .ctrl("z"), .ctrl("y")], "abcd|")
  }
}
