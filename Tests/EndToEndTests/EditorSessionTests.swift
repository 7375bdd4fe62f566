import Foundation
import Testing

/// The real binary in a real terminal (tmux): keys in, screen out.
@Suite(.serialized) struct EditorSessionTests {
  /// After the editor exits, the shell must be usable: prompt back, input echoed, no leftover modes.
  static func expectCleanShell(_ tmux: TmuxSession, exitStatus: Int32 = 0) throws {
    // Wait for the editor to be gone, or what we type next would go to it.
    try tmux.waitFor { $0.contains("exited-\(exitStatus)") }
    try tmux.type("echo back-$((40+2))")
    try tmux.press("Enter")
    let screen = try tmux.waitFor { $0.contains("back-42") && $0.contains("echo back-$((40+2))") }
    #expect(!screen.contains("Output"), "the editor's screen is still showing:\n\(screen)")
  }

  /// Ctrl-Q twice (the first only warns when there are unsaved changes), then a usable shell.
  static func quitDiscardingChanges(_ tmux: TmuxSession) throws {
    try tmux.press("C-q", "C-q")
    try expectCleanShell(tmux)
  }

  /// A shell in tmux running the editor, ready for keys.
  static func startEditor(
    command: String = Binary.path, lang: String? = "C.UTF-8", term: String = "tmux-256color"
  ) throws -> TmuxSession {
    let tmux = try TmuxSession(lang: lang, term: term)
    // The shell reports the editor's exit status once it is gone: `exited-0`.
    try tmux.type(command + "; echo exited-$?")
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("Press F5 or Ctrl-R to run.") }
    return tmux
  }

  /// The output pane's lines: right of the separator, between the Output and Analysis titles.
  static func outputPane(_ screen: String) -> [String] {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    let right = rows.map { row in row.firstIndex(of: "│").map { String(row[row.index(after: $0)...]) } ?? "" }
    guard let end = right.firstIndex(where: { $0.hasPrefix(" Analysis") }) else { return [] }
    return right[1..<end].map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test func typeRunSeeOutputQuit() throws {
    let tmux = try Self.startEditor()
    try tmux.type("print(\"hello\")")
    try tmux.press("F5")
    let screen = try tmux.waitFor { $0.contains("✓ ok · exit 0") }
    #expect(Self.outputPane(screen).first == "hello", "screen:\n\(screen)")
    // The buffer has unsaved changes: the first Ctrl-Q warns, the second quits.
    try tmux.press("C-q")
    try tmux.waitFor { $0.contains("unsaved changes") }
    try tmux.press("C-q")
    try tmux.waitFor { !$0.contains("Output") }
    try Self.expectCleanShell(tmux)
  }

  @Test func outputStreamsWhileTheProgramRuns() throws {
    let tmux = try Self.startEditor()
    try tmux.type("import time\nprint('first')\ntime.sleep(2)\nprint('second')")
    try tmux.press("C-r")
    let screen = try tmux.waitFor { Self.outputPane($0).contains("first") }
    #expect(screen.contains("running"), "first line should arrive while running:\n\(screen)")
    #expect(!Self.outputPane(screen).contains("second"))
    try tmux.waitFor { Self.outputPane($0).contains("second") && $0.contains("✓ ok") }
    try Self.quitDiscardingChanges(tmux)
  }

  @Test func ctrlCCancelsARunningProgram() throws {
    let tmux = try Self.startEditor()
    try tmux.type("while True: pass")
    try tmux.press("F5")
    try tmux.waitFor { $0.contains("● running") }
    try tmux.press("C-c")
    let screen = try tmux.waitFor { $0.contains("✗ cancelled") }
    #expect(!screen.contains("running"))
    try Self.quitDiscardingChanges(tmux)
  }

  @Test func multiLineProgramWithIndentation() throws {
    let tmux = try Self.startEditor()
    // Enter after ':' indents; Backspace in the indent removes a level.
    try tmux.type("for i in range(2):")
    try tmux.press("Enter")
    try tmux.type("print('i', i)")
    try tmux.press("Enter", "BSpace")
    try tmux.type("print('done')")
    try tmux.press("F5")
    let screen = try tmux.waitFor { $0.contains("✓ ok") }
    #expect(Self.outputPane(screen).prefix(3) == ["i 0", "i 1", "done"], "screen:\n\(screen)")
    try Self.quitDiscardingChanges(tmux)
  }

  @Test(arguments: ["C.UTF-8", nil])
  func wideCharactersRenderAtWidthTwo(lang: String?) throws {
    let tmux = try Self.startEditor(lang: lang)
    try tmux.type("print('日本語🎉|')")
    try tmux.press("F5")
    let screen = try tmux.waitFor { $0.contains("✓ ok") }
    #expect(Self.outputPane(screen).first == "日本語🎉|", "screen:\n\(screen)")
    // tmux's own cell width check: the status line's right edge is not pushed off screen.
    #expect(try tmux.screen().split(separator: "\n").allSatisfy { $0.count <= tmux.width })
    try Self.quitDiscardingChanges(tmux)
  }

  @Test func themeColoursReachTheTerminal() throws {
    let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("themes").path
    let tmux = try Self.startEditor(command: "CODEREMOTE_THEME_PATH=\(themes) \(Binary.path) --theme light")
    // light.toml: status_bar = { fg = 236, bg = 254 }
    let styled = try tmux.tmux("capture-pane", "-p", "-e", "-t", "e2e")
    #expect(styled.contains("48;5;254"), "no light status bar in:\n\(styled)")
    try Self.quitDiscardingChanges(tmux)
  }

  @Test func bracketedPasteIsInsertedAsIsAndUndoneInOneStep() throws {
    let tmux = try Self.startEditor()
    let file = try TemporaryFile("if True:\n    print('pasted')\nprint('ok')", name: "paste.txt")
    try tmux.tmux("load-buffer", file.path)
    try tmux.tmux("paste-buffer", "-p", "-t", "e2e")  // -p: wrapped in bracketed-paste markers
    try tmux.press("F5")
    let screen = try tmux.waitFor { $0.contains("✓ ok") }
    // No auto-indent inside a paste: the second line keeps exactly its four spaces.
    #expect(screen.contains(" 2     print('pasted')"), "screen:\n\(screen)")
    #expect(Self.outputPane(screen).prefix(2) == ["pasted", "ok"])
    try tmux.press("C-z")
    try tmux.waitFor {
      $0.split(separator: "\n")[1].prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces) == "1"
    }
    try Self.quitDiscardingChanges(tmux)
  }

  @Test func clickPlacesTheCursor() throws {
    let tmux = try Self.startEditor()
    try tmux.type("a = 1")
    try tmux.press("Enter")
    try tmux.type("print(a)")
    // An X10 mouse report, as the terminal sends it: ESC [ M, button, column + 33, row + 33.
    // Column 7 is the gutter's 3 cells plus 4 characters into line 2 (screen row 2).
    try tmux.tmux(
      "send-keys", "-t", "e2e", "-H", "1b", "5b", "4d", "20", String(33 + 7, radix: 16),
      String(33 + 2, radix: 16))
    try tmux.waitFor { $0.contains("Ln 2, Col 5") }
    try Self.quitDiscardingChanges(tmux)
  }

  @Test func editorSettingsComeFromConfigToml() throws {
    let config = try TemporaryFile(
      "[editor]\nindent_width = 2\nauto_close = false\n", name: "coderemote/config.toml")
    let tmux = try Self.startEditor(command: "XDG_CONFIG_HOME=\(config.directory.path) \(Binary.path)")
    try tmux.type("if x:")
    try tmux.press("Enter")
    try tmux.type("f(")
    let screen = try tmux.waitFor { $0.contains("Ln 2, Col 5") }
    #expect(screen.split(separator: "\n")[2].hasPrefix(" 2   f(  "), "screen:\n\(screen)")
    try Self.quitDiscardingChanges(tmux)
  }

  @Test func resizingRedrawsTheLayout() throws {
    let tmux = try Self.startEditor()
    try tmux.tmux("resize-window", "-t", "e2e", "-x", "60", "-y", "16")
    let small = try tmux.waitFor { $0.split(separator: "\n").last?.contains("Ln 1, Col 1") == true }
    #expect(small.split(separator: "\n").allSatisfy { $0.count <= 60 })
    try tmux.tmux("resize-window", "-t", "e2e", "-x", "30", "-y", "8")
    try tmux.waitFor { $0.contains("Terminal too small (30×8)") }
    try tmux.tmux("resize-window", "-t", "e2e", "-x", "100", "-y", "30")
    try tmux.waitFor { $0.contains("Press F5 or Ctrl-R to run.") }
    try tmux.press("C-q")
    try Self.expectCleanShell(tmux)
  }

  @Test(arguments: [SIGTERM, SIGHUP, SIGILL])
  func terminalIsRestoredWhenKilled(by signal: Int32) throws {
    let tmux = try Self.startEditor()
    let pid = try #require(try tmux.foregroundChild())
    kill(pid, signal)
    // The handler restores the terminal, then re-raises: the shell sees death by that signal.
    try Self.expectCleanShell(tmux, exitStatus: 128 + signal)
  }
}
