import FoundationEssentials

/// Tab: a snippet's run history. Each run keeps the exact code that ran, so its version can be
/// reopened in the editor (Enter) or compared with the current code (D).
extension SnippetBrowser {
  struct RunHistory: Equatable {
    var snippet: CatalogEntry
    var runs: [CatalogRun]
    var selected = 0
    var top = 0
  }

  /// An old version against the current code, as a unified diff.
  struct RunDiff: Equatable {
    var history: RunHistory
    var run: CatalogRun
    var hunks: [LineDiff.Hunk]
    var top = 0

    /// The lines drawn: each hunk's header, then its lines.
    var lines: [(text: String, kind: LineDiff.Kind?)] {
      hunks.flatMap { hunk in
        [(hunk.header, nil)]
          + hunk.lines.map { line in
            let sign = line.kind == .same ? " " : line.kind == .removed ? "-" : "+"
            return (sign + line.text, line.kind)
          }
      }
    }

    static func == (a: RunDiff, b: RunDiff) -> Bool {
      a.history == b.history && a.run == b.run && a.hunks == b.hunks && a.top == b.top
    }
  }

  static let historyLimit = 500

  mutating func openHistory() {
    guard let entry = selectedEntry else { return }
    do {
      let runs = try catalog.runs(of: entry.id, limit: Self.historyLimit)
      mode = .history(RunHistory(snippet: entry, runs: runs))
    } catch {
      fail(error)
    }
  }

  /// The code a diff compares an old version with: the editor's buffer when it holds the snippet,
  /// else the stored code.
  func currentCode(of id: Int64) throws -> String {
    if let text = bufferText(id) { return text }
    return try catalog.code(of: id) ?? ""
  }

  mutating func performInHistory(_ name: CommandName, _ history: RunHistory) -> Outcome {
    var history = history
    let chosen = history.runs.indices.contains(history.selected) ? history.runs[history.selected] : nil
    switch name.rawValue {
    case "history-back":
      mode = .list
      return .stay
    case "history-close": return .close
    case "history-up": history.move(to: history.selected - 1, page: pageHeight)
    case "history-down": history.move(to: history.selected + 1, page: pageHeight)
    case "history-page-up": history.move(to: history.selected - pageHeight, page: pageHeight)
    case "history-page-down": history.move(to: history.selected + pageHeight, page: pageHeight)
    case "history-top": history.move(to: 0, page: pageHeight)
    case "history-bottom": history.move(to: history.runs.count - 1, page: pageHeight)
    case "history-open":
      guard let chosen else { return .stay }
      return .openVersion(snippet: history.snippet.id, code: chosen.code, startedAt: chosen.startedAt)
    case "history-diff":
      guard let chosen else { return .stay }
      do {
        let hunks = LineDiff.hunks(chosen.code, try currentCode(of: history.snippet.id))
        mode = .diff(RunDiff(history: history, run: chosen, hunks: hunks))
      } catch {
        fail(error)
      }
      return .stay
    case "history-copy":
      guard let chosen else { return .stay }
      message = Message(text: "copied the code of that run", isError: false)
      return .copy(chosen.code)
    default: return .stay
    }
    mode = .history(history)
    return .stay
  }

  mutating func handleHistoryMouse(_ mouse: MouseEvent, _ history: RunHistory) -> Outcome {
    var history = history
    guard let list = lastLayout?.list else { return .stay }
    switch mouse.action {
    case .wheelUp: history.move(to: history.selected - 3, page: pageHeight)
    case .wheelDown: history.move(to: history.selected + 3, page: pageHeight)
    case .press:
      guard list.contains(x: mouse.x, y: mouse.y) else { return .stay }
      let row = history.top + mouse.y - list.y
      guard history.runs.indices.contains(row) else { return .stay }
      if row == history.selected && lastClick == row {
        let run = history.runs[row]
        return .openVersion(snippet: history.snippet.id, code: run.code, startedAt: run.startedAt)
      }
      lastClick = row
      history.move(to: row, page: pageHeight)
    }
    mode = .history(history)
    return .stay
  }

  /// In a diff the history's commands scroll it; back (or the diff key again) returns to the
  /// history, and open opens the version compared.
  mutating func performInDiff(_ name: CommandName, _ diff: RunDiff) -> Outcome {
    var diff = diff
    switch name.rawValue {
    case "history-back", "history-diff":
      mode = .history(diff.history)
      return .stay
    case "history-close": return .close
    case "history-open":
      return .openVersion(
        snippet: diff.history.snippet.id, code: diff.run.code, startedAt: diff.run.startedAt)
    case "history-copy":
      message = Message(text: "copied the code of that run", isError: false)
      return .copy(diff.run.code)
    case "history-up": diff.scroll(to: diff.top - 1, page: pageHeight)
    case "history-down": diff.scroll(to: diff.top + 1, page: pageHeight)
    case "history-page-up": diff.scroll(to: diff.top - pageHeight, page: pageHeight)
    case "history-page-down": diff.scroll(to: diff.top + pageHeight, page: pageHeight)
    case "history-top": diff.scroll(to: 0, page: pageHeight)
    case "history-bottom": diff.scroll(to: Int.max, page: pageHeight)
    default: return .stay
    }
    mode = .diff(diff)
    return .stay
  }
}

extension SnippetBrowser.RunHistory {
  /// Selects a run (clamped) and keeps it in a view `page` rows high.
  mutating func move(to row: Int, page: Int) {
    let page = max(1, page)
    selected = max(0, min(row, runs.count - 1))
    if selected < top { top = selected }
    if selected >= top + page { top = selected - page + 1 }
  }
}

extension SnippetBrowser.RunDiff {
  /// Scrolls to `line` (clamped) in a view `page` rows high.
  mutating func scroll(to line: Int, page: Int) {
    top = max(0, min(line, max(0, lines.count - page)))
  }
}
