import Editor
import Foundation
import Testing

@testable import TUI

/// What the prompt and the bottom row tell the user: errors in full, options with their meaning,
/// and new files that end with a newline.
@Suite final class EditorPromptReportTests {
  let directory: String

  init() throws {
    directory = NSTemporaryDirectory() + "editor-report-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func pane(_ text: String) -> EditorPane {
    var pane = EditorPane(state: EditorState(text: text), fileName: "t.py")
    pane.clock = { .zero }
    return pane
  }

  func press(_ keys: [Key], in pane: inout EditorPane) {
    for key in keys { _ = pane.handle(.key(key)) }
  }

  func type(_ text: String, in pane: inout EditorPane) {
    press(text.map { .character($0) }, in: &pane)
  }

  /// The pane drawn at 40×10: its rows, trailing blanks trimmed.
  func rows(_ pane: inout EditorPane) -> [String] {
    let rect = Rect(x: 0, y: 0, width: 40, height: 10)
    pane.scrollToCursor(textWidth: rect.width - pane.gutterWidth(), height: rect.height)
    var grid = Grid(width: rect.width, height: rect.height)
    pane.render(in: rect, into: &grid)
    return grid.text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
  }

  /// The bottom rows joined, so a wrapped message reads as one.
  func bottomText(_ pane: inout EditorPane) -> String {
    rows(&pane).suffix(6).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }

  @Test func anInvalidRegexIsReportedInFull() {
    var pane = pane("aa")
    press([.ctrl("f"), .ctrl("e")], in: &pane)
    type("a{2,1}", in: &pane)
    let text = bottomText(&pane)
    #expect(
      text.contains(
        "invalid regular expression: range lower bound '2' must be less than or equal to upper bound '1'"),
      "\(rows(&pane).joined(separator: "\n"))")
    #expect(rows(&pane).last?.hasPrefix("Find: a{2,1}") == true)
    // Fixing the pattern clears it.
    press([.backspace, .backspace, .backspace, .character("}")], in: &pane)
    #expect(!bottomText(&pane).contains("invalid"))
    #expect(bottomText(&pane).contains("1 of 1"))
  }

  @Test func goToLineSaysWhatItCouldNotDo() {
    var pane = pane("one\ntwo\nthree")
    press([.ctrl("g")], in: &pane)
    type("99", in: &pane)
    press([.enter], in: &pane)
    #expect(bottomText(&pane).contains("go to line: line 99 is past the end; the file has 3 lines"))
    #expect(pane.state.cursor == Position(line: 0, column: 0))
    press([.ctrl("g")], in: &pane)
    type("0", in: &pane)
    press([.enter], in: &pane)
    #expect(bottomText(&pane).contains("lines are numbered from 1"))
    press([.ctrl("g")], in: &pane)
    type("2:", in: &pane)
    press([.enter], in: &pane)
    #expect(bottomText(&pane).contains("\"2:\" is not a line number; type 42, or 42:7 for a column"))
    press([.ctrl("g")], in: &pane)
    type("2:50", in: &pane)
    press([.enter], in: &pane)
    #expect(pane.state.cursor == Position(line: 1, column: 3))
    #expect(bottomText(&pane).contains("line 2 has 3 columns; went to its end"))
  }

  @Test func theFindPromptSaysWhatItsTogglesMean() {
    var pane = pane("x")
    press([.ctrl("f")], in: &pane)
    #expect(bottomText(&pane).contains("^T case:off ^W word:off ^E regex:off"), "\(rows(&pane))")
    press([.ctrl("t"), .ctrl("e")], in: &pane)
    #expect(bottomText(&pane).contains("^T case:on ^W word:off ^E regex:on"))
    #expect(rows(&pane).last?.hasPrefix("Find:") == true)
  }

  @Test func aNewFileEndsWithANewline() throws {
    var pane = pane("")
    try pane.open(path: directory + "/new.py")
    type("print(1)", in: &pane)
    press([.ctrl("s")], in: &pane)
    #expect(FileManager.default.contents(atPath: directory + "/new.py") == Data("print(1)\n".utf8))
    #expect(pane.state.text == "print(1)\n", "the buffer says what the file says")
    #expect(!pane.isModified)
    #expect(pane.state.cursor == Position(line: 0, column: 8), "the cursor stays where it was")
  }

  @Test func aNewBufferSavedAsEndsWithANewline() throws {
    var pane = pane("")
    type("x = 1", in: &pane)
    press([.ctrl("s")], in: &pane)
    press([.ctrl("a")], in: &pane)
    _ = pane.handle(.paste(directory + "/saved.py"))
    press([.enter], in: &pane)
    #expect(FileManager.default.contents(atPath: directory + "/saved.py") == Data("x = 1\n".utf8))
  }

  @Test func anExistingFileKeepsItsLastLineAsItWas() throws {
    let path = directory + "/old.py"
    _ = FileManager.default.createFile(atPath: path, contents: Data("x = 1".utf8))
    var pane = pane("")
    try pane.open(path: path)
    press([.modified(.end, .control)], in: &pane)
    type("2", in: &pane)
    press([.ctrl("s")], in: &pane)
    #expect(FileManager.default.contents(atPath: path) == Data("x = 12".utf8))
  }
}
