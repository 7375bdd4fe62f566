import Foundation
import Testing

/// Autosave in the real binary: the draft outlives quitting and `kill -9`, and the next start
/// opens it. Each tmux session has its own XDG_DATA_HOME, so its own database.
@Suite(.serialized) struct AutosaveSessionTests {
  /// The scratch draft's text as the database holds it now (read by the sqlite3 shell).
  static func scratchDraft(_ tmux: TmuxSession) throws -> String? {
    guard FileManager.default.fileExists(atPath: tmux.database) else { return nil }
    let outcome = try Binary.run(
      [tmux.database, "SELECT hex(text) FROM drafts WHERE owner = 'scratch'"], executable: "/usr/bin/sqlite3")
    let hex = outcome.text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard outcome.status == 0, !hex.isEmpty else { return nil }
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Polls the database until the scratch draft satisfies `condition`; returns how long it took.
  @discardableResult
  static func waitForDraft(_ tmux: TmuxSession, _ condition: (String) -> Bool) throws -> TimeInterval {
    let start = Date()
    while Date().timeIntervalSince(start) < 10 {
      if let text = try scratchDraft(tmux), condition(text) { return Date().timeIntervalSince(start) }
      usleep(20_000)
    }
    throw TmuxError(message: "the draft never matched; it is: \(String(describing: try scratchDraft(tmux)))")
  }

  /// Starts the editor again in the same shell (so with the same database), on a cleared screen so
  /// a killed editor's last frame is not taken for the new one.
  static func restart(_ tmux: TmuxSession) throws {
    try tmux.type("clear; " + Binary.path + "; echo exited-$?")
    try tmux.press("Enter")
    // The shell's "exited-…" gone: the screen was cleared, and what shows is the new editor.
    try tmux.waitFor { $0.contains("Press F5 or Ctrl-R to run.") && !$0.contains("exited-") }
  }

  @Test func theDraftSurvivesQuittingAndKill9() throws {
    let tmux = try EditorSessionTests.startEditor()
    try tmux.type("first = 1")
    // Saved within about a second of the last key, without quitting.
    let delay = try Self.waitForDraft(tmux) { $0 == "first = 1" }
    #expect(delay < 2, "the draft took \(delay) s to be saved")
    try EditorSessionTests.quitDiscardingChanges(tmux)

    try Self.restart(tmux)
    var screen = try tmux.waitFor { $0.contains("first = 1") }
    #expect(screen.contains("Ln 1, Col 10"), "the cursor is not where it was:\n\(screen)")

    try tmux.press("Enter")
    try tmux.type("second = 2")
    try Self.waitForDraft(tmux) { $0 == "first = 1\nsecond = 2" }
    // The last keys, then kill -9 at once: only they may be lost.
    try tmux.type("\nlost")
    guard let editor = try tmux.foregroundChild() else {
      Issue.record("no editor running")
      return
    }
    kill(editor, SIGKILL)
    try tmux.waitFor { $0.contains("exited-137") }

    try Self.restart(tmux)
    screen = try tmux.waitFor { $0.contains("second = 2") }
    #expect(screen.contains("first = 1"))
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }
}
