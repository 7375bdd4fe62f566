import Editor
import Execution

/// The status bar, and the keys that act on the run from anywhere: F5 (a second F5 during a run
/// asks before restarting it) and Ctrl-C (cancels a live run; with none, copies the selection as
/// micro does).
extension App {
  func drawStatus(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.statusBar)
    let position = editor.state.cursor
    let bar = StatusBar(
      width: rect.width, position: "Ln \(position.line + 1), Col \(position.column + 1)", run: runStatusText,
      stdin: stdinFile?.name, isolation: targetText,
      keys: statusKeys)
    for piece in bar.pieces {
      let style = piece.role == .run ? runStatusStyle : theme.statusBar
      grid.put(piece.text, x: rect.x + piece.x, y: rect.y, style: style, maxX: rect.maxX)
    }
  }

  /// The keys the status bar recalls, as bound now (config.toml may have moved them).
  var statusKeys: String {
    let parts = [("help", "Help"), ("run", "Run"), ("quit", "Quit")].compactMap { name, word in
      keymap.keys(for: CommandName(name)).first.map { "\($0.label) \(word)" }
    }
    return " " + parts.joined(separator: "  ") + " "
  }

  /// The run's state, or the question a key left open.
  var runStatusText: String {
    if quitArmed {
      let save = keymap.hintKeys("save", limit: 1).map { "\($0) saves, " } ?? ""
      let quit = keymap.hintKeys("quit", limit: 1).map { "\($0) again" } ?? "quit again"
      return "unsaved changes: \(save)\(quit) quits without saving"
    }
    if restartArmed { return "a run is live: F5 again restarts it, any other key keeps it" }
    if let notice = libraryNotice { return notice }
    let summary = runState.summary(now: clock.now)
    if case .finished = runState, output.log.lines.isEmpty && output.log.droppedLines == 0 {
      return summary + " · no output"
    }
    return summary
  }

  private var runStatusStyle: Style {
    if quitArmed || restartArmed || libraryNotice != nil { return theme.statusError }
    switch runState {
    case .idle: return theme.statusBar
    case .running: return theme.statusRunning
    case .failed, .cancelled: return theme.statusError
    case .finished(let result): return result.status == .ok ? theme.statusOK : theme.statusError
    }
  }

  /// F5 / Ctrl-R. During a run the first press asks; the second cancels the run and starts again
  /// once it has ended (its last output and result would otherwise land in the new run's).
  func runKey(confirmed: Bool) {
    guard isRunning else { return startRun() }
    if confirmed {
      restartPending = true
      cancelRun()
    } else {
      restartArmed = true
    }
  }

  /// Ctrl-C: cancels a live run or analysis; with neither, copies the editor's selection.
  func interruptKey() {
    if isRunning || analysis.isAnalysing {
      cancelRun()
      cancelAnalysis("Ctrl-C")
      return
    }
    if focus == .editor && editor.prompt == nil && !editor.state.selection.isEmpty {
      _ = editor.handle(.key(.ctrl("k")))
      editor.note("copied (^C with nothing running copies; ^K too)")
    }
  }

  /// Starts the run a confirmed restart waits for, once the old one has ended.
  func startPendingRestart() {
    guard restartPending, !isRunning else { return }
    restartPending = false
    startRun()
  }
}
