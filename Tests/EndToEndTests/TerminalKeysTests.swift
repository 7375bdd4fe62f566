import Foundation
import Testing

/// Keys in a real terminal under the TERM values people have: inside tmux, TERM often names a
/// different terminal from the one sending the keys (xterm's entry says Home is ESC O H; tmux sends
/// ESC [ 1 ~). Every key must work anyway, and no sequence may turn into typed text.
@Suite(.serialized) struct TerminalKeysTests {
  static let terms = ["xterm", "screen", "tmux-256color", "xterm-256color"]

  /// The editor's first text line, without its gutter.
  static func firstLine(_ screen: String) -> String {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    guard rows.count > 1 else { return "" }
    let left = rows[1].prefix { $0 != "│" }
    return String(left.drop { $0 == " " }.drop { $0.isNumber }.dropFirst()).trimmingCharacters(
      in: .whitespaces)
  }

  @Test(arguments: terms) func homeAndEndMoveTheCursor(term: String) throws {
    let tmux = try EditorSessionTests.startEditor(term: term)
    try tmux.type("ab")
    try tmux.press("Home")
    try tmux.type("X")
    try tmux.press("End")
    try tmux.type("Y")
    let screen = try tmux.waitFor { Self.firstLine($0).hasSuffix("Y") }
    #expect(Self.firstLine(screen) == "XabY", "TERM=\(term):\n\(screen)")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  @Test(arguments: terms) func shiftEndSelects(term: String) throws {
    let tmux = try EditorSessionTests.startEditor(term: term)
    try tmux.type("abc")
    try tmux.press("Home", "S-End")
    try tmux.type("Q")
    let screen = try tmux.waitFor { Self.firstLine($0).contains("Q") }
    #expect(Self.firstLine(screen) == "Q", "TERM=\(term):\n\(screen)")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  @Test(arguments: terms) func unknownSequencesAndAltKeysTypeNothing(term: String) throws {
    let tmux = try EditorSessionTests.startEditor(term: term)
    try tmux.type("a")
    try tmux.sendBytes("\u{1B}[99~")
    // An Alt key bound to nothing (Alt-X opens the palette).
    try tmux.press("M-q")
    try tmux.sendBytes("\u{1B}[1;9Z")
    try tmux.type("b")
    let screen = try tmux.waitFor { Self.firstLine($0).hasSuffix("b") }
    #expect(Self.firstLine(screen) == "ab", "TERM=\(term):\n\(screen)")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  @Test func anUnknownTermFallsBackAndSaysSo() throws {
    let tmux = try EditorSessionTests.startEditor(term: "no-such-terminal")
    let screen = try tmux.screen()
    // The note is wrapped to the editor pane, in full.
    #expect(screen.contains("TERM=no-such-terminal is not a terminal terminfo"), "\(screen)")
    #expect(screen.contains("drawing as xterm, 8 colours"), "\(screen)")
    try tmux.type("ab")
    try tmux.press("Home")
    try tmux.type("X")
    try tmux.waitFor { Self.firstLine($0) == "Xab" }
    try tmux.press("C-q", "C-q")
    let after = try tmux.waitFor { $0.contains("exited-0") }
    #expect(after.contains("coderemote: TERM=no-such-terminal"), "the note stays after exit:\n\(after)")
  }
}
