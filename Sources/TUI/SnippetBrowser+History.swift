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

  mutating func handleInHistory(_ event: InputEvent, _ history: RunHistory) -> Outcome {
    var history = history
    let page = max(1, pageHeight)
    func move(to row: Int) {
      history.selected = max(0, min(row, history.runs.count - 1))
      if history.selected < history.top { history.top = history.selected }
      if history.selected >= history.top + page { history.top = history.selected - page + 1 }
    }
    switch event {
    case .key(.escape), .key(.tab), .key(.backTab), .key(.character("q")):
      mode = .list
      return .stay
    case .key(.ctrl("o")): return .close
    case .key(.up): move(to: history.selected - 1)
    case .key(.down): move(to: history.selected + 1)
    case .key(.pageUp): move(to: history.selected - page)
    case .key(.pageDown): move(to: history.selected + page)
    case .key(.home): move(to: 0)
    case .key(.end): move(to: history.runs.count - 1)
    case .key(.enter), .key(.character("o")):
      guard history.runs.indices.contains(history.selected) else { return .stay }
      let run = history.runs[history.selected]
      return .openVersion(snippet: history.snippet.id, code: run.code, startedAt: run.startedAt)
    case .key(.character("d")), .key(.character("D")):
      guard history.runs.indices.contains(history.selected) else { return .stay }
      let run = history.runs[history.selected]
      do {
        let hunks = LineDiff.hunks(run.code, try currentCode(of: history.snippet.id))
        mode = .diff(RunDiff(history: history, run: run, hunks: hunks))
      } catch {
        fail(error)
      }
      return .stay
    case .key(.ctrl("k")), .key(.ctrl("c")):
      guard history.runs.indices.contains(history.selected) else { return .stay }
      message = Message(text: "copied the code of that run", isError: false)
      return .copy(history.runs[history.selected].code)
    case .mouse(let mouse):
      guard let list = lastLayout?.list else { return .stay }
      switch mouse.action {
      case .wheelUp: move(to: history.selected - 3)
      case .wheelDown: move(to: history.selected + 3)
      case .press:
        guard list.contains(x: mouse.x, y: mouse.y) else { return .stay }
        let row = history.top + mouse.y - list.y
        guard history.runs.indices.contains(row) else { return .stay }
        if row == history.selected && lastClick == row {
          let run = history.runs[row]
          return .openVersion(snippet: history.snippet.id, code: run.code, startedAt: run.startedAt)
        }
        lastClick = row
        move(to: row)
      }
    default: return .stay
    }
    mode = .history(history)
    return .stay
  }

  mutating func handleInDiff(_ event: InputEvent, _ diff: RunDiff) -> Outcome {
    var diff = diff
    let last = max(0, diff.lines.count - pageHeight)
    switch event {
    case .key(.escape), .key(.character("q")), .key(.character("d")):
      mode = .history(diff.history)
      return .stay
    case .key(.ctrl("o")): return .close
    case .key(.enter), .key(.character("o")):
      return .openVersion(
        snippet: diff.history.snippet.id, code: diff.run.code, startedAt: diff.run.startedAt)
    case .key(.up): diff.top -= 1
    case .key(.down): diff.top += 1
    case .key(.pageUp): diff.top -= pageHeight
    case .key(.pageDown): diff.top += pageHeight
    case .key(.home): diff.top = 0
    case .key(.end): diff.top = last
    case .mouse(let mouse) where mouse.action == .wheelUp: diff.top -= 3
    case .mouse(let mouse) where mouse.action == .wheelDown: diff.top += 3
    default: return .stay
    }
    diff.top = max(0, min(diff.top, last))
    mode = .diff(diff)
    return .stay
  }
}
