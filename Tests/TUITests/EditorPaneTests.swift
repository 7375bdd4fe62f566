import Editor
import Testing

@testable import TUI

@Suite struct EditorPaneTests {
  /// A pane of text, laid out in a 40×8 rectangle as the app would before drawing.
  func pane(_ text: String) -> EditorPane {
    var pane = EditorPane(state: EditorState(text: text), fileName: "t.py")
    pane.clock = { .zero }
    return pane
  }

  let rect = Rect(x: 0, y: 0, width: 40, height: 8)

  func draw(_ pane: inout EditorPane) -> Grid {
    pane.scrollToCursor(textWidth: rect.width - pane.gutterWidth(), height: rect.height)
    var grid = Grid(width: rect.width, height: rect.height)
    pane.render(in: rect, into: &grid)
    return grid
  }

  func press(_ keys: [Key], in pane: inout EditorPane) {
    for key in keys { _ = pane.handle(.key(key)) }
  }

  @Test func shiftArrowsSelectAndTypingReplacesTheSelection() {
    var pane = pane("hello world")
    press([.modified(.right, [.control, .shift]), .character("X")], in: &pane)
    #expect(pane.state.text == "Xworld")
    press([.ctrl("z")], in: &pane)
    #expect(pane.state.text == "hello world")
    press([.ctrl("y")], in: &pane)
    #expect(pane.state.text == "Xworld")
  }

  @Test func keywordsAndStringsAreDrawnInTheirThemeStyles() {
    var pane = pane("def f():\n    return 'x'")
    let grid = draw(&pane)
    let gutter = pane.gutterWidth()
    #expect(grid[gutter, 0].style == Theme.standard.highlight.style(for: .keyword))
    #expect(grid[gutter + 4, 0].style == Theme.standard.highlight.style(for: .functionName))
    #expect(grid[gutter + 11, 1].style == Theme.standard.highlight.style(for: .string))
  }

  @Test func theSelectionIsDrawnInTheSelectionStyle() {
    var pane = pane("abc")
    press([.modified(.right, .shift)], in: &pane)
    let grid = draw(&pane)
    #expect(grid[pane.gutterWidth(), 0].style == Theme.standard.selection)
    #expect(grid[pane.gutterWidth() + 1, 0].style != Theme.standard.selection)
  }

  @Test func findPromptSearchesAsYouTypeAndEscapeGoesBack() {
    var pane = pane("alpha\nbeta alpha\ngamma")
    press([.ctrl("f"), .character("a"), .character("l")], in: &pane)
    #expect(pane.state.selectedText == "al")
    var grid = draw(&pane)
    #expect(grid.text.split(separator: "\n").last?.hasPrefix("Find: al") == true)
    #expect(grid.text.contains("1 of 2"))
    press([.function(3)], in: &pane)
    #expect(pane.state.cursor == Position(line: 1, column: 7))
    press([.escape], in: &pane)
    #expect(pane.state.cursor == Position(line: 0, column: 0))
    grid = draw(&pane)
    #expect(!grid.text.contains("Find:"))
  }

  @Test func theSelectionIsSuggestedAndTypingReplacesIt() {
    var pane = pane("def f(): return")
    press([.modified(.right, [.control, .shift]), .ctrl("f")], in: &pane)
    #expect(pane.prompt?.input == "def ")
    press([.character("r"), .character("e")], in: &pane)
    #expect(pane.prompt?.input == "re")
    #expect(pane.state.selectedText == "re")
  }

  @Test func enterKeepsTheMatchAndF3FindsAgainAfterThePromptCloses() {
    var pane = pane("x = 1\ny = x\nz = x")
    press([.ctrl("f"), .character("x"), .ctrl("w"), .enter, .ctrl("n"), .ctrl("n")], in: &pane)
    #expect(pane.state.cursor == Position(line: 2, column: 5))
    press([.ctrl("p")], in: &pane)
    #expect(pane.state.cursor == Position(line: 1, column: 5))
  }

  @Test func replaceAllFromThePromptIsOneUndoStep() {
    var pane = pane("a b a")
    press([.ctrl("e"), .character("a"), .enter, .character("c"), .ctrl("a")], in: &pane)
    #expect(pane.state.text == "c b c")
    #expect(draw(&pane).text.contains("replaced 2 matches"))
    press([.ctrl("z")], in: &pane)
    #expect(pane.state.text == "a b a")
  }

  @Test func replaceOneAtATime() {
    var pane = pane("a b a")
    press([.ctrl("e"), .character("a"), .enter, .character("c"), .enter], in: &pane)
    #expect(pane.state.text == "c b a")
    press([.enter], in: &pane)
    #expect(pane.state.text == "c b c")
  }

  @Test func goToLineAndColumn() {
    var pane = pane("one\n  two\nthree")
    press([.ctrl("g"), .character("2"), .enter], in: &pane)
    #expect(pane.state.cursor == Position(line: 1, column: 2))
    press([.ctrl("g"), .character("3"), .character(":"), .character("4"), .enter], in: &pane)
    #expect(pane.state.cursor == Position(line: 2, column: 3))
  }

  @Test func aPasteIsInsertedAsItIsAndUndoneInOneStep() {
    var pane = pane("")
    press([.character("x")], in: &pane)
    _ = pane.handle(.paste("if a:\nb = (1\n"))
    #expect(pane.state.text == "xif a:\nb = (1\n")
    press([.ctrl("z")], in: &pane)
    #expect(pane.state.text == "x")
  }

  @Test func commentToggleAndIndentKeys() {
    var pane = pane("a\nb")
    press([.ctrl("a"), .ctrl("t")], in: &pane)
    #expect(pane.state.text == "# a\n# b")
    press([.tab], in: &pane)
    #expect(pane.state.text == "    # a\n    # b")
    press([.backTab, .ctrl("t")], in: &pane)
    #expect(pane.state.text == "a\nb")
  }

  @Test func controlCharacterKeysAreNotTypedAndCtrlSlashComments() {
    var pane = pane("x")
    press([.character("\u{1C}"), .character("\u{1D}")], in: &pane)
    #expect(pane.state.text == "x")
    press([.character("\u{1F}")], in: &pane)
    #expect(pane.state.text == "# x")
  }

  @Test func cutCopyPasteThroughTheRegister() {
    var pane = pane("one\ntwo")
    press([.ctrl("k"), .down, .ctrl("v")], in: &pane)
    #expect(pane.state.text == "one\none\ntwo")
    press([.ctrl("x")], in: &pane)
    #expect(pane.state.text == "one\none")
  }

  @Test func controlCharactersAreDrawnInertAndTabsAsSpaces() {
    var pane = pane("a\u{1B}[2J\tb")
    let grid = draw(&pane)
    let row = grid.text.split(separator: "\n").first.map(String.init) ?? ""
    #expect(row.hasSuffix("a␛[2J   b"))
    #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
  }

  @Test func theCursorFollowsWideCharacters() {
    var pane = pane("日本語")
    press([.end], in: &pane)
    _ = draw(&pane)
    #expect(pane.cursorLocation(in: rect)?.x == pane.gutterWidth() + 6)
  }

  /// Lines that are not printable ASCII are measured once, by the pane; the cells must be the ones
  /// the grid would make of the same text.
  @Test func wideAndCombiningCharactersDrawTheCellsTheGridWouldMake() {
    let line = "x = '日本語 e\u{301} 👩‍💻 가'  # ｱ\u{200B}z"
    var pane = pane(line)
    let grid = draw(&pane)
    let gutter = pane.gutterWidth()
    var expected = Grid(width: rect.width, height: 1)
    expected.put(line, x: gutter, y: 0, style: .plain)
    for x in gutter..<rect.width {
      #expect(grid[x, 0].text == expected[x, 0].text)
      #expect(grid[x, 0].width == expected[x, 0].width)
    }
  }
}
