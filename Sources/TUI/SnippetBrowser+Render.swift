import Editor
import Execution
import FoundationEssentials

/// Drawing the browser: a header (count, order), the filter, the list beside a preview of the
/// selected code (when there is room: 80 columns), and a footer with the keys, a prompt or what
/// the last action did.
extension SnippetBrowser {
  struct Layout: Equatable {
    var header: Rect
    var filter: Rect
    var list: Rect
    var preview: Rect?
    var footer: Rect
  }

  static func layout(in rect: Rect) -> Layout {
    let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 3)
    var list = body
    var preview: Rect?
    if rect.width >= 80 {
      list.width = max(40, rect.width * 2 / 5)
      preview = Rect(x: list.maxX + 1, y: body.y, width: rect.maxX - list.maxX - 1, height: body.height)
    }
    return Layout(
      header: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1),
      filter: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1),
      list: list, preview: preview,
      footer: Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1))
  }

  /// Lays the browser out in `rect` before drawing: the page height, the scroll, the mouse's map.
  mutating func fit(in rect: Rect) {
    let layout = Self.layout(in: rect)
    lastLayout = layout
    pageHeight = max(1, layout.list.height)
    if selected >= top + pageHeight { top = selected - pageHeight + 1 }
    top = max(0, min(top, max(0, rows.count - pageHeight)))
  }

  func render(in rect: Rect, into grid: inout Grid) {
    let layout = Self.layout(in: rect)
    grid.fill(rect, style: theme.text)
    drawHeader(in: layout, into: &grid)
    switch mode {
    case .list, .prompt:
      drawList(in: layout.list, into: &grid)
      if let area = layout.preview, let preview, preview.id == selectedEntry?.id {
        drawSeparator(left: area.x - 1, in: area, into: &grid)
        drawCode(preview.code, top: previewTop, marks: codeMatches, in: area, into: &grid)
      } else if let area = layout.preview {
        drawSeparator(left: area.x - 1, in: area, into: &grid)
      }
    case .history(let history):
      drawRuns(history, in: layout.list, into: &grid)
      if let area = layout.preview {
        drawSeparator(left: area.x - 1, in: area, into: &grid)
        if history.runs.indices.contains(history.selected) {
          drawCode(history.runs[history.selected].code, top: 0, marks: { _ in [] }, in: area, into: &grid)
        }
      }
    case .diff(let diff):
      drawDiff(
        diff, in: Rect(x: rect.x, y: layout.list.y, width: rect.width, height: layout.list.height),
        into: &grid)
    }
    drawFooter(in: layout.footer, into: &grid)
  }

  /// Where the terminal cursor goes: the end of the prompt's input, or of the filter.
  func cursorLocation(in rect: Rect) -> (x: Int, y: Int)? {
    let layout = Self.layout(in: rect)
    switch mode {
    case .prompt(let prompt):
      let x = layout.footer.x + 1 + DisplayWidth.of(prompt.label) + DisplayWidth.of(prompt.input)
      return (min(x, rect.maxX - 1), layout.footer.y)
    case .list:
      let x = layout.filter.x + DisplayWidth.of(Self.filterLabel) + DisplayWidth.of(filter)
      return (min(x, rect.maxX - 1), layout.filter.y)
    case .history, .diff: return nil
    }
  }

  static let filterLabel = " Filter: "

  // MARK: Parts

  private func drawHeader(in layout: Layout, into grid: inout Grid) {
    let style = theme.paneTitleFocused
    grid.fill(layout.header, style: style)
    let title: String
    switch mode {
    case .list, .prompt:
      let count =
        !isComplete
        ? "\(entries.count)+ snippets" : entries.count == 1 ? "1 snippet" : "\(entries.count) snippets"
      let sortKey = keymap.hintKeys("browser-sort", limit: 1).map { " (\($0))" } ?? ""
      title =
        layout.header.width >= 60
        ? " Snippets · \(count) · sort: \(order.rawValue)\(sortKey)"
        : " \(count) · \(order.rawValue)\(sortKey)"
    case .history(let history):
      title = " Runs of \(history.snippet.name) · \(history.runs.count)"
    case .diff(let diff):
      title =
        " \(diff.history.snippet.name): the run of \(RelativeTime.describe(diff.run.startedAt, now: now())) → now"
    }
    let end = grid.put(
      Self.visible(title), x: layout.header.x, y: layout.header.y, style: style, maxX: layout.header.maxX)
    let inHistory = keyContext == .history
    let hint =
      keymap.hint(
        [
          hintPart(inHistory ? "history-back" : "browser-back", word: "back"),
          hintPart(inHistory ? "history-close" : "browser-close", word: "closes", limit: 1),
        ], separator: " · ") + " "
    let hintX = layout.header.maxX - DisplayWidth.of(hint)
    if hintX > end + 1 { grid.put(hint, x: hintX, y: layout.header.y, style: theme.paneTitle) }

    let filterStyle = theme.prompt
    grid.fill(layout.filter, style: filterStyle)
    guard case .list = mode else {
      if case .prompt = mode {
        grid.put(
          Self.filterLabel + filter, x: layout.filter.x, y: layout.filter.y, style: filterStyle,
          maxX: layout.filter.maxX)
      }
      return
    }
    var x = grid.put(
      Self.filterLabel, x: layout.filter.x, y: layout.filter.y, style: filterStyle, maxX: layout.filter.maxX)
    x = grid.put(Self.visible(filter), x: x, y: layout.filter.y, style: filterStyle, maxX: layout.filter.maxX)
    if filter.isEmpty {
      grid.put(
        "type to filter names, tags and code", x: x + 1, y: layout.filter.y, style: theme.hint,
        maxX: layout.filter.maxX)
    } else {
      let count = "\(rows.count) of \(entries.count)\(isComplete ? "" : "+") "
      let countX = layout.filter.maxX - count.count
      if countX > x + 1 { grid.put(count, x: countX, y: layout.filter.y, style: theme.hint) }
    }
  }

  private func drawSeparator(left x: Int, in area: Rect, into grid: inout Grid) {
    for y in area.y..<area.maxY { grid.put("│", x: x, y: y, style: theme.border) }
  }

  private func drawList(in rect: Rect, into grid: inout Grid) {
    guard !rows.isEmpty else {
      let lines =
        entries.isEmpty
        ? ["No snippets yet.", "Ctrl-N makes one and opens it;", "Ctrl-S in it keeps its code."]
        : ["Nothing matches “\(filter)”.", "Backspace widens the filter,", "Ctrl-U clears it."]
      for (row, line) in lines.enumerated() where row + 1 < rect.height {
        grid.put(
          Self.visible(line), x: rect.x + 2, y: rect.y + 1 + row, style: row == 0 ? theme.text : theme.hint,
          maxX: rect.maxX)
      }
      return
    }
    for (offset, row) in rows.dropFirst(top).prefix(rect.height).enumerated() {
      drawRow(
        row, selected: top + offset == selected, x: rect.x, y: rect.y + offset, width: rect.width, into: &grid
      )
    }
  }

  /// `★ name  tags  · code        ok  3 min ago`, the matched characters highlighted.
  private func drawRow(
    _ row: Row, selected isSelected: Bool, x: Int, y: Int, width: Int, into grid: inout Grid
  ) {
    let entry = entries[row.entry]
    let base = isSelected ? theme.selection : theme.text
    grid.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
    let (nameMarks, tagMarks) = highlights(of: row)
    var right = ""
    var statusStyle = base
    if width >= 30 {
      let age = RelativeTime.describe(entry.updatedAt, now: now())
      let status = Self.statusLabel(entry.lastRunStatus)
      right = status.padding(to: 8) + age.padding(to: 10) + " "
      if !isSelected { statusStyle = Style(foreground: Self.statusColor(entry.lastRunStatus, theme: theme)) }
    }
    let rightX = x + width - right.count
    var column = grid.put(
      entry.pinned ? " ★ " : "   ", x: x, y: y, style: isSelected ? base : theme.statusRunning.foregroundOnly,
      maxX: rightX)
    column = drawMarked(
      entry.name, marks: nameMarks, x: column, y: y, maxX: rightX - 1, style: base, into: &grid)
    if isFiltering && isCodeMatch(row) {
      // The code matched: said before the tags, so a narrow list still shows it.
      let mark = width >= 60 ? "  ≈ code" : " ≈"
      column = grid.put(mark, x: column, y: y, style: isSelected ? base : theme.hint, maxX: rightX - 1)
    }
    if !entry.tags.isEmpty {
      let tagStyle = isSelected ? base : theme.gutter
      column = grid.put("  ", x: column, y: y, style: base, maxX: rightX - 1)
      drawMarked(
        entry.tags.joined(separator: " "), marks: tagMarks, x: column, y: y, maxX: rightX - 1,
        style: tagStyle,
        into: &grid)
    }
    if !right.isEmpty {
      let split = right.index(right.startIndex, offsetBy: 8)
      grid.put(right[..<split], x: rightX, y: y, style: statusStyle)
      grid.put(right[split...], x: rightX + 8, y: y, style: isSelected ? base : theme.gutter)
    }
  }

  /// Text with the characters at `marks` (character indices) in the match style.
  @discardableResult
  private func drawMarked(
    _ text: String, marks: Set<Int>, x: Int, y: Int, maxX: Int, style: Style, into grid: inout Grid
  ) -> Int {
    let safe = Self.visible(text)
    guard !marks.isEmpty, safe == text else { return grid.put(safe, x: x, y: y, style: style, maxX: maxX) }
    var column = x
    for (index, character) in text.enumerated() {
      let width = DisplayWidth.of(character)
      guard
        grid.put(
          character, width: width, x: column, y: y, style: marks.contains(index) ? theme.searchMatch : style,
          maxX: maxX, runStart: x)
      else { break }
      column += width
    }
    return column
  }

  private func drawRuns(_ history: RunHistory, in rect: Rect, into grid: inout Grid) {
    guard !history.runs.isEmpty else {
      let lines = [
        "\(history.snippet.name) has not run yet.", "F5 in the editor runs it;", "each run is kept here.",
      ]
      for (row, line) in lines.enumerated() where row + 1 < rect.height {
        grid.put(
          Self.visible(line), x: rect.x + 2, y: rect.y + 1 + row, style: row == 0 ? theme.text : theme.hint,
          maxX: rect.maxX)
      }
      return
    }
    for (offset, run) in history.runs.dropFirst(history.top).prefix(rect.height).enumerated() {
      let isSelected = history.top + offset == history.selected
      let base = isSelected ? theme.selection : theme.text
      let y = rect.y + offset
      grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
      let status = Self.statusLabel(run.status).padding(to: 8)
      var x = grid.put(
        "  " + status, x: rect.x, y: y,
        style: isSelected ? base : Style(foreground: Self.statusColor(run.status, theme: theme)),
        maxX: rect.maxX)
      let exit = run.exitCode.map { "exit \($0)" } ?? ""
      let details =
        exit.padding(to: 9) + Self.duration(run.wallMilliseconds).padding(to: 9, leading: true) + "  "
        + RelativeTime.describe(run.startedAt, now: now())
      x = grid.put(details, x: x, y: y, style: isSelected ? base : theme.gutter, maxX: rect.maxX)
    }
  }

  private func drawDiff(_ diff: RunDiff, in rect: Rect, into grid: inout Grid) {
    guard !diff.hunks.isEmpty else {
      grid.put(
        "  This version is the same as the current code.", x: rect.x, y: rect.y + 1, style: theme.hint,
        maxX: rect.maxX)
      return
    }
    for (offset, line) in diff.lines.dropFirst(diff.top).prefix(rect.height).enumerated() {
      let style: Style
      switch line.kind {
      case nil: style = theme.hint
      case .same?: style = theme.text
      case .removed?: style = theme.stderr
      case .added?: style = theme.statusOK.foregroundOnly
      }
      let text = VisibleText.segments(line.text).map(\.text).joined()
      grid.put(text, x: rect.x + 1, y: rect.y + offset, style: style, maxX: rect.maxX)
    }
  }

  private func drawFooter(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.statusBar)
    if case .prompt(let prompt) = mode {
      var x = grid.put(" " + prompt.label, x: rect.x, y: rect.y, style: theme.statusBar, maxX: rect.maxX)
      x = grid.put(Self.visible(prompt.input), x: x, y: rect.y, style: theme.statusBar, maxX: rect.maxX)
      let hint =
        keymap.hint(
          [hintPart("prompt-accept", word: "saves"), hintPart("prompt-cancel", word: "cancels")],
          separator: " · ") + " "
      let hintX = rect.maxX - hint.count
      if hintX > x + 2 { grid.put(hint, x: hintX, y: rect.y, style: theme.statusBar) }
      return
    }
    if let message {
      grid.put(
        Self.visible(" " + message.text), x: rect.x, y: rect.y,
        style: message.isError ? theme.statusError : theme.statusBar,
        maxX: rect.maxX)
      return
    }
    let keys = " " + keymap.hint(Self.footerHints(mode, wide: rect.width >= 120), separator: " · ")
    grid.put(keys, x: rect.x, y: rect.y, style: theme.statusBar, maxX: rect.maxX)
  }

  /// The footer's hints for what is on screen: each action the keys bound to it name.
  static func footerHints(_ mode: Mode, wide: Bool) -> [(names: [CommandName], word: String, limit: Int)] {
    switch mode {
    case .list, .prompt:
      [
        hintPart("browser-open", word: "open"), hintPart("browser-new", word: "new"),
        hintPart("browser-rename", word: "rename"), hintPart("browser-tag", word: wide ? "tags" : "tag"),
        hintPart("browser-duplicate", word: wide ? "duplicate" : "dup"), hintPart("browser-pin", word: "pin"),
        hintPart("browser-delete", word: "trash"), hintPart("browser-undo-delete", word: "undo"),
        hintPart("browser-copy", word: "copy", limit: 1), hintPart("browser-history", word: "runs"),
      ] + (wide ? [hintPart("browser-sort", word: "sort", limit: 1)] : [])
    case .history:
      [
        hintPart("history-open", word: "open this version"),
        hintPart("history-diff", word: "diff with now", limit: 1),
        hintPart("history-copy", word: "copy", limit: 1),
        hintPart("history-back", word: "back"),
      ]
    case .diff:
      [
        hintPart("history-open", word: "open this version"),
        hintPart(
          "history-up", "history-down", "history-page-up", "history-page-down", word: "scroll", limit: 4),
        hintPart("history-back", word: "back"),
      ]
    }
  }

  // MARK: Words

  static func statusLabel(_ status: ExecutionStatus?) -> String {
    switch status {
    case nil: "-"
    case .ok?: "ok"
    case .error?: "error"
    case .timeout?: "timeout"
    case .memoryLimit?: "memory"
    case .outputLimit?: "output"
    case .killed?: "killed"
    case .cancelled?: "cancel"
    case .internalError?: "failed"
    }
  }

  static func statusColor(_ status: ExecutionStatus?, theme: Theme) -> Color {
    switch status {
    case nil: theme.gutter.foreground
    case .ok?: theme.statusOK.foreground
    case .cancelled?: theme.statusRunning.foreground
    default: theme.statusError.foreground
    }
  }

  static func duration(_ milliseconds: Double) -> String {
    milliseconds < 1_000 ? "\(Int(milliseconds.rounded())) ms" : "\(Double(Int(milliseconds / 100)) / 10) s"
  }
}

extension Style {
  /// The colour of a style without its background: status colours drawn on the list.
  var foregroundOnly: Style { Style(foreground: foreground, bold: bold) }
}

extension String {
  /// Padded with spaces to `width` columns (ASCII), at the end or the start.
  func padding(to width: Int, leading: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - count))
    return leading ? pad + self : self + pad
  }
}

extension SnippetBrowser {
  /// Text from the database made safe to draw on one row: line breaks as spaces, tabs expanded,
  /// control characters as their inert pictures.
  static func visible(_ text: String) -> String {
    let flat = text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
    if flat.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return flat }
    return VisibleText.segments(flat).map(\.text).joined()
  }
}
