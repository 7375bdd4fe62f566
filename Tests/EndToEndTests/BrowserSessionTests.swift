import Foundation
import Testing

/// The snippet browser in the real binary, in a real terminal, on a real database made by
/// `coderemote snippets save`: Ctrl-O, a filter, Enter into the editor; delete and its undo.
@Suite(.serialized) struct BrowserSessionTests {
  /// `deleted_at IS NOT NULL` for the snippet named `name`, as the sqlite3 shell reads it.
  static func isTrashed(_ tmux: TmuxSession, _ name: String) throws -> Bool {
    let outcome = try Binary.run(
      [tmux.database, "SELECT deleted_at IS NOT NULL FROM snippets WHERE name = '\(name)'"],
      executable: "/usr/bin/sqlite3")
    return outcome.text.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
  }

  static func save(_ tmux: TmuxSession, name: String, code: String, tag: String) throws {
    let file = tmux.dataHome + "/\(UUID().uuidString).py"
    try code.write(toFile: file, atomically: true, encoding: .utf8)
    let outcome = try Binary.run([
      "snippets", "save", file, "--name", name, "--tag", tag, "--db", tmux.database,
    ])
    #expect(outcome.status == 0, "snippets save: \(outcome.text)")
  }

  @Test func filterOpenDeleteAndUndo() throws {
    let tmux = try TmuxSession()
    try FileManager.default.createDirectory(
      atPath: tmux.dataHome + "/coderemote", withIntermediateDirectories: true)
    try Self.save(tmux, name: "fib", code: "def fib(n):\n    return n\n", tag: "math")
    try Self.save(tmux, name: "quick sort", code: "def quicksort(xs):\n    return sorted(xs)\n", tag: "sort")
    try tmux.type(Binary.path + "; echo exited-$?")
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("Press F5 or Ctrl-R to run.") }
    try tmux.type("scratch = 1")

    try tmux.press("C-o")
    try tmux.waitFor {
      $0.contains("Snippets · 2 snippets") && $0.contains("fib") && $0.contains("quick sort")
    }
    try tmux.type("qs")
    // Waits for the rows as well as the header: ncurses redraws from the top, and a capture can
    // catch a frame halfway (the new header over the old list). Stuck, the timeout shows the screen.
    _ = try tmux.waitFor { $0.contains("Filter: qs") && $0.contains("1 of 2") && !$0.contains("  fib  ") }
    try tmux.press("Enter")
    let screen = try tmux.waitFor { $0.contains("def quicksort(xs):") && !$0.contains("Filter:") }
    #expect(screen.contains("quick sort"), "the title does not name the snippet:\n\(screen)")

    try tmux.press("C-o")
    try tmux.waitFor { $0.contains("Snippets · 2 snippets") }
    try tmux.press("DC")
    try tmux.waitFor { $0.contains("moved to the trash") && $0.contains("Snippets · 1 snippet") }
    #expect(try Self.isTrashed(tmux, "quick sort"))
    try tmux.press("C-z")
    try tmux.waitFor { $0.contains("quick sort is back") && $0.contains("Snippets · 2 snippets") }
    #expect(try !Self.isTrashed(tmux, "quick sort"))

    try tmux.press("Escape")
    try tmux.waitFor { $0.contains("def quicksort(xs):") && !$0.contains("Filter:") }
    // The scratch text left behind was autosaved when the snippet opened.
    let draft = try Binary.run(
      [tmux.database, "SELECT text FROM drafts WHERE owner = 'scratch'"], executable: "/usr/bin/sqlite3")
    #expect(draft.text.contains("scratch = 1"))
    try tmux.press("C-q")
    try EditorSessionTests.expectCleanShell(tmux)
  }

  /// `[keys.browser]` in config.toml rebinds the browser's keys in the real binary: the footer
  /// names the new key, it works and the old one does not; F1 over the browser lists its keys first.
  @Test func configRebindsTheBrowsersKeys() throws {
    let config = try TemporaryFile(
      "[keys.browser]\n\"alt-p\" = \"browser-pin\"\n\"ctrl-p\" = \"none\"\n", name: "coderemote/config.toml")
    let tmux = try TmuxSession()
    try FileManager.default.createDirectory(
      atPath: tmux.dataHome + "/coderemote", withIntermediateDirectories: true)
    try Self.save(tmux, name: "fib", code: "def fib(n):\n    return n\n", tag: "math")
    try tmux.type("XDG_CONFIG_HOME=\(config.directory.path) \(Binary.path); echo exited-$?")
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("Press F5 or Ctrl-R to run.") }

    try tmux.press("C-o")
    try tmux.waitFor { $0.contains("Snippets · 1 snippet") && $0.contains("Alt-P pin") }
    try tmux.press("C-p")
    try tmux.press("M-p")
    try tmux.waitFor { $0.contains("pinned fib") }
    let pinned = try Binary.run(
      [tmux.database, "SELECT pinned FROM snippets WHERE name = 'fib'"], executable: "/usr/bin/sqlite3")
    #expect(pinned.text.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

    try tmux.press("F1")
    let help = try tmux.waitFor { $0.contains("Snippet browser") && $0.contains("Alt-P") }
    let lines = help.split(separator: "\n")
    let browser = lines.firstIndex { $0.contains("Snippet browser") }
    let application = lines.firstIndex { $0.contains("Application") }
    #expect(
      browser != nil && (application == nil || browser! < application!), "the browser's keys first:\n\(help)")
    try tmux.press("Escape")
    try tmux.waitFor { $0.contains("Snippets · 1 snippet") && !$0.contains("Snippet browser ") }
    try tmux.press("C-q")
    try tmux.waitFor { $0.contains("Press F5 or Ctrl-R to run.") }
    try tmux.press("C-q")
    try EditorSessionTests.expectCleanShell(tmux)
  }
}
