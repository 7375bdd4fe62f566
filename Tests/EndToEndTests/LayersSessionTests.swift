import Foundation
import Testing

/// The palette, the layout keys and the layout file, in the real binary in tmux.
@Suite(.serialized) struct LayersSessionTests {
  /// The column of the editor's right edge on the first text row (the separator), if any.
  static func separatorColumn(_ screen: String) -> Int? {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    guard rows.count > 1, let index = rows[1].firstIndex(of: "│") else { return nil }
    return rows[1].distance(from: rows[1].startIndex, to: index)
  }

  @Test func thePaletteFiltersAndRunsACommand() throws {
    let tmux = try EditorSessionTests.startEditor()
    try tmux.type("print(6 * 7)")
    try tmux.press("F9")
    try tmux.waitFor { $0.contains("Commands") && $0.contains("type to filter") }
    try tmux.type("run")
    try tmux.waitFor { $0.contains("› run") && $0.contains("F5 ^R") }
    try tmux.press("Enter")
    let screen = try tmux.waitFor { $0.contains("✓ ok · exit 0") }
    #expect(EditorSessionTests.outputPane(screen).first == "42", "screen:\n\(screen)")
    #expect(!screen.contains("Commands"))
    // Alt-X opens it too; Esc closes it and nothing was typed.
    try tmux.press("M-x")
    try tmux.waitFor { $0.contains("type to filter") }
    try tmux.press("Escape")
    let closed = try tmux.waitFor { !$0.contains("type to filter") }
    #expect(TerminalKeysTests.firstLine(closed) == "print(6 * 7)")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  @Test func altKeysZoomAndResizeAndTheLayoutIsRemembered() throws {
    let tmux = try EditorSessionTests.startEditor()
    let first = try tmux.screen()
    #expect(Self.separatorColumn(first) == 55, "screen:\n\(first)")
    try tmux.press("M-Right")
    let wider = try tmux.waitFor { Self.separatorColumn($0) == 60 }
    #expect(wider.contains("Output"))
    try tmux.press("M-z")
    let zoomed = try tmux.waitFor { Self.separatorColumn($0) == nil }
    #expect(!zoomed.contains("Output") && zoomed.contains("main.py"), "screen:\n\(zoomed)")
    try tmux.press("F6")
    let output = try tmux.waitFor { $0.contains("Output") && !$0.contains("main.py") }
    #expect(output.contains("Press F5"))
    try tmux.press("M-z")
    try tmux.waitFor { Self.separatorColumn($0) == 60 }
    try tmux.press("C-q")
    try EditorSessionTests.expectCleanShell(tmux)
    // The next editor opens with the split where this one left it.
    try tmux.type("\(Binary.path); echo exited-$?")
    try tmux.press("Enter")
    let again = try tmux.waitFor { $0.contains("Press F5 or Ctrl-R to run.") }
    #expect(Self.separatorColumn(again) == 60, "screen:\n\(again)")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  @Test func altIAttachesAStdinFileThatRunsRead() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "stdin-e2e-\(UUID().uuidString).txt"
    ).path
    try "from-the-file\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let tmux = try EditorSessionTests.startEditor()
    try tmux.type("print(input().upper())")
    try tmux.press("M-i")
    try tmux.waitFor { $0.contains("stdin file:") }
    try tmux.type("/no/such/file")
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("/no/such/file: no such file") }
    try tmux.press("C-u")
    try tmux.type(path)
    try tmux.press("Enter")
    try tmux.waitFor { $0.split(separator: "\n").last?.contains("│ stdin: ") == true }
    try tmux.press("F5")
    let screen = try tmux.waitFor { $0.contains("✓ ok · exit 0") }
    #expect(EditorSessionTests.outputPane(screen).first == "FROM-THE-FILE", "screen:\n\(screen)")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  /// The status bar's row as tmux holds it, with its colours (`capture-pane -e`).
  static func statusRowWithColours(_ tmux: TmuxSession) throws -> String {
    let rows = try tmux.tmux("capture-pane", "-p", "-e", "-t", "e2e").split(separator: "\n")
    return rows.last.map(String.init) ?? ""
  }

  /// From the palette, the light theme repaints the screen (its status bar is on colour 254);
  /// the default theme brings the first colours back.
  @Test func thePaletteSwitchesTheTheme() throws {
    let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("themes").path
    let tmux = try EditorSessionTests.startEditor(command: "CODEREMOTE_THEME_PATH=\(themes) \(Binary.path)")
    let before = try Self.statusRowWithColours(tmux)
    #expect(!before.contains("48;5;254"), "status row: \(before.debugDescription)")
    try tmux.press("F9")
    try tmux.waitFor { $0.contains("type to filter") }
    try tmux.type("theme-light")
    try tmux.waitFor { $0.contains("› theme-light") }
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("theme: light") && !$0.contains("type to filter") }
    let light = try Self.statusRowWithColours(tmux)
    #expect(light.contains("48;5;254"), "status row: \(light.debugDescription)")
    try tmux.press("F9")
    try tmux.waitFor { $0.contains("type to filter") }
    try tmux.type("theme-default")
    try tmux.waitFor { $0.contains("› theme-default") }
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("theme: default") }
    #expect(try Self.statusRowWithColours(tmux) == before)
    try tmux.press("C-q")
    try EditorSessionTests.expectCleanShell(tmux)
  }
}
