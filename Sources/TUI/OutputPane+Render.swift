import Editor

/// Drawing the output pane: the rows from the top position down, styled by stream and by the
/// program's own SGR colours laid over the theme, then the prompt or notice row.
extension OutputPane {
  public func render(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.text)
    guard !rect.isEmpty else { return }
    let bottom = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
    let hasBottomRow = self.hasBottomRow && rect.height > 1
    let textRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - (hasBottomRow ? 1 : 0))
    if log.lines.isEmpty {
      grid.put(placeholder, x: rect.x, y: rect.y, style: theme.hint, maxX: rect.maxX)
    } else {
      renderText(in: textRect, into: &grid)
    }
    if hasBottomRow { renderBottomRow(in: bottom, into: &grid) }
  }

  private func renderText(in rect: Rect, into grid: inout Grid) {
    let view = OutputView(log: log, width: rect.width, wrap: wrap, interpretSGR: !showsRawCodes)
    let start: OutputView.Position?
    if let top, let valid = view.valid(top) {
      start = valid
    } else {
      start = view.bottomTop(height: rect.height)
    }
    guard var position = start else { return }
    var y = rect.y
    while y < rect.maxY {
      let cells = view.cells(of: position.item)
      let rows = wrap ? cells.rows(width: rect.width) : [0..<cells.cells.count]
      for row in rows.dropFirst(position.row) where y < rect.maxY {
        draw(cells, row, of: position.item, at: y, in: rect, into: &grid)
        y += 1
      }
      guard let next = view.next(position.item) else { break }
      position = OutputView.Position(item: next, row: 0)
    }
  }

  /// One row of an item. With wrap off, a line wider than the pane shows `›` at the right edge
  /// (and `‹` at the left once scrolled sideways): nothing is ever cut unmarked.
  private func draw(
    _ cells: OutputCells, _ row: Range<Int>, of item: OutputView.Item, at y: Int, in rect: Rect,
    into grid: inout Grid
  ) {
    let lineID: Int?
    if case .line(let id) = item { lineID = id } else { lineID = nil }
    let selected = lineID.map { selectedRange?.contains($0) ?? false } ?? false
    let base = cells.stream == .stderr ? theme.stderr : theme.text
    let highlight = match.flatMap { $0.line == lineID ? $0.range : nil }
    var x = rect.x
    var skip = wrap ? 0 : column
    let rightEdge = rect.maxX
    var cutRight = false
    for index in row {
      let cell = cells.cells[index]
      if skip > 0 {
        skip -= cell.width
        continue
      }
      var style = cells.isMark ? theme.hint : cell.inert ? theme.inert : Self.layer(cell.style, over: base)
      if selected { style = theme.selection }
      if highlight?.contains(index) == true { style = theme.searchMatch }
      if !wrap && x + cell.width > rightEdge - (index == row.upperBound - 1 ? 0 : 1) {
        cutRight = true
        break
      }
      guard
        grid.put(
          cell.character, width: cell.width, x: x, y: y, style: style, maxX: rightEdge, runStart: rect.x)
      else { break }
      x += cell.width
    }
    if cutRight { grid.put("›", x: rightEdge - 1, y: y, style: theme.hint, maxX: rightEdge) }
    if !wrap && column > 0 && !row.isEmpty {
      grid.put("‹", x: rect.x, y: y, style: theme.hint, maxX: rightEdge)
    }
  }

  /// The program's SGR style over the theme's: its colours where it set them, the theme's where
  /// not; attributes add up. The backend then maps every colour to the terminal's depth.
  static func layer(_ program: Style, over base: Style) -> Style {
    var style = base
    if program.foreground != .default { style.foreground = program.foreground }
    if program.background != .default { style.background = program.background }
    style.bold = style.bold || program.bold
    style.dim = style.dim || program.dim
    style.italic = style.italic || program.italic
    style.underline = style.underline || program.underline
    style.reverse = style.reverse != program.reverse
    return style
  }

  private func renderBottomRow(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.prompt)
    guard let prompt else {
      if notice == nil, let stdin {
        renderStdin(stdin, in: rect, into: &grid)
      } else {
        grid.put(notice ?? "", x: rect.x, y: rect.y, style: theme.prompt, maxX: rect.maxX)
      }
      return
    }
    var x = grid.put(prompt.label, x: rect.x, y: rect.y, style: theme.prompt, maxX: rect.maxX)
    for segment in VisibleText.segments(prompt.input) {
      x = grid.put(
        segment.text, x: x, y: rect.y, style: segment.inert ? theme.inert : theme.prompt, maxX: rect.maxX)
    }
    let status = prompt.status.isEmpty ? "" : "  \(prompt.status)"
    x = grid.put(status, x: x, y: rect.y, style: theme.hint, maxX: rect.maxX)
    let hint = "  " + prompt.hint(keymap)
    if x + DisplayWidth.of(hint) <= rect.maxX {
      grid.put(hint, x: x, y: rect.y, style: theme.hint, maxX: rect.maxX)
    }
  }

  /// Where the terminal cursor goes while the prompt is open (after its input).
  func cursorLocation(in rect: Rect) -> (x: Int, y: Int)? {
    guard rect.height > 0 else { return nil }
    guard let prompt else { return stdinCursorLocation(in: rect) }
    let x = rect.x + DisplayWidth.of(prompt.label) + DisplayWidth.of(prompt.input)
    return (min(x, rect.maxX - 1), rect.maxY - 1)
  }
}
