import Editor

/// The editor's view: where the text sits on screen (the scroll, the gutter, the notes and the
/// prompt at the bottom) and how each line is drawn.
extension EditorPane {
  // MARK: Layout

  /// The note over the bottom of the pane — a message, or why a search could not run — wrapped to
  /// `width` so it is read in full (up to half the pane).
  func noteLines(width: Int, height: Int) -> [String] {
    guard let note = prompt?.error ?? prompt?.question ?? (prompt == nil ? message : nil) else { return [] }
    return Array(WordWrap.lines(note, width: max(1, width - 1)).prefix(max(1, height / 2)))
  }

  /// Whether the search options get a row of their own, above the prompt, for want of room on it.
  func optionsNeedARow(width: Int) -> Bool {
    guard let prompt, !prompt.optionsText(keymap).isEmpty else { return false }
    let used = [prompt.label, prompt.input, "  ", prompt.status, "  ", prompt.optionsText(keymap)]
    return used.map(DisplayWidth.of).reduce(0, +) > width
  }

  /// Rows at the bottom that hold the note and the prompt instead of text.
  func bottomRows(width: Int, height: Int) -> Int {
    guard prompt != nil else { return noteLines(width: width, height: height).count }
    return noteLines(width: width, height: height).count + (optionsNeedARow(width: width) ? 2 : 1)
  }

  /// Width of the line-number gutter, including one blank column.
  public func gutterWidth() -> Int { String(state.lineCount).count + 2 }

  /// Scrolls so the cursor is visible in a text area of the given size, and readies what the next
  /// frame draws (highlighting states, search matches).
  public mutating func scrollToCursor(textWidth: Int, height: Int) {
    let textHeight = max(1, height - bottomRows(width: textWidth + gutterWidth(), height: height))
    pageHeight = max(1, textHeight - 1)
    let cursor = state.cursor
    if cursor.line < topLine { topLine = cursor.line }
    if cursor.line >= topLine + textHeight { topLine = cursor.line - textHeight + 1 }
    let column = visualColumn(of: state.selection.head)
    if column < leftColumn { leftColumn = column }
    if textWidth > 1 && column >= leftColumn + textWidth { leftColumn = column - textWidth + 1 }
    state.prepareHighlighting(through: topLine + textHeight)
    refreshMatches()
  }

  mutating func refreshMatches() {
    guard let query = drawnQuery, !query.pattern.isEmpty else { return matchCache = nil }
    if let cache = matchCache, cache.version == state.version, cache.query == query { return }
    let ranges = (try? state.matches(of: query)) ?? []
    matchCache = (state.version, query, ranges)
  }

  /// The screen column of a text offset, counted from the start of its line.
  func visualColumn(of offset: Int) -> Int {
    let line = state.storage.line(containing: offset)
    let start = state.storage.lineStart(line)
    return state.screenColumn(inLine: state.line(line), byteOffset: offset - start)
  }

  /// Where the terminal cursor goes, given the rectangle this pane was drawn in.
  public func cursorLocation(in rect: Rect) -> (x: Int, y: Int)? {
    if let prompt {
      let x = rect.x + DisplayWidth.of(prompt.label) + DisplayWidth.of(prompt.input)
      return (min(x, rect.maxX - 1), rect.maxY - 1)
    }
    let x = rect.x + gutterWidth() + visualColumn(of: state.selection.head) - leftColumn
    let y = rect.y + state.cursor.line - topLine
    let textHeight = rect.height - bottomRows(width: rect.width, height: rect.height)
    return rect.contains(x: x, y: y) && y < rect.y + textHeight ? (x, y) : nil
  }

  // MARK: Drawing

  public func render(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.text)
    let bottom = bottomRows(width: rect.width, height: rect.height)
    let textHeight = rect.height - bottom
    let gutter = gutterWidth()
    let cursorLine = state.storage.line(containing: state.selection.head)
    let marks = LineMarks(
      selection: state.selection.range, matches: matchCache.map(\.ranges) ?? [],
      brackets: bracketPair())
    for row in 0..<max(0, textHeight) {
      let index = topLine + row
      guard index < state.lineCount else { break }
      let y = rect.y + row
      let number = String(index + 1)
      let numberStyle = index == cursorLine ? theme.currentLineNumber : theme.gutter
      grid.put(
        String(repeating: " ", count: max(0, gutter - 1 - number.count)) + number, x: rect.x, y: y,
        style: numberStyle, maxX: rect.maxX)
      if let mark = gutterMarks[index] {
        grid.put(mark.symbol, x: rect.x + gutter - 1, y: y, style: mark.style(in: theme), maxX: rect.maxX)
      }
      drawLine(index, x: rect.x + gutter, y: y, maxX: rect.maxX, marks: marks, into: &grid)
    }
    if bottom > 0 && rect.height > 0 {
      let rows = min(bottom, rect.height)
      drawBottom(
        in: Rect(x: rect.x, y: rect.maxY - rows, width: rect.width, height: rows),
        notes: noteLines(width: rect.width, height: rect.height), into: &grid)
    }
  }

  /// What is drawn over the highlighting: the selection, search matches, the bracket pair.
  private struct LineMarks {
    var selection: Range<Int>
    var matches: [Range<Int>]
    var brackets: [Int]

    /// The index of the first match that ends after `offset` (matches are sorted).
    func firstMatch(endingAfter offset: Int) -> Int {
      var low = 0
      var high = matches.count
      while low < high {
        let mid = (low + high) / 2
        if matches[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
      }
      return low
    }
  }

  /// The bracket next to the cursor and its partner, when both exist.
  private func bracketPair() -> [Int] {
    guard state.selection.isEmpty else { return [] }
    guard let pair = state.bracketPair(near: state.selection.head, lineLimit: max(1, pageHeight) * 4) else {
      return []
    }
    return [pair.bracket, pair.match]
  }

  /// Draws one line from `leftColumn`, the part left of it scrolled out of view. Characters of one
  /// style go to the grid together, as one run.
  private func drawLine(_ index: Int, x: Int, y: Int, maxX: Int, marks: LineMarks, into grid: inout Grid) {
    let (start, text, spans) = state.highlightedLine(index)
    var spanIndex = 0
    var styledSpan = -1
    var spanStyle = theme.text
    var matchIndex = marks.firstMatch(endingAfter: start)
    /// The style of the character at `offset` (in the line); offsets must come in increasing order.
    func style(at offset: Int, inert: Bool) -> Style {
      let position = start + offset
      while spanIndex < spans.count && spans[spanIndex].range.upperBound <= offset { spanIndex += 1 }
      var style = theme.text
      if spanIndex < spans.count && spans[spanIndex].range.contains(offset) {
        // One theme lookup per span, not per character.
        if styledSpan != spanIndex {
          styledSpan = spanIndex
          spanStyle = theme.highlight.style(for: spans[spanIndex].kind)
        }
        style = spanStyle
      }
      if inert { style = theme.inert }
      while matchIndex < marks.matches.count && marks.matches[matchIndex].upperBound <= position {
        matchIndex += 1
      }
      if matchIndex < marks.matches.count && marks.matches[matchIndex].contains(position) {
        style = theme.searchMatch
      }
      if marks.brackets.contains(position) { style = theme.matchingBracket }
      if marks.selection.contains(position) { style = theme.selection }
      return style
    }

    let (column, offset) =
      text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
      ? drawPrintableASCII(text, x: x, y: y, maxX: maxX, style: style, into: &grid)
      : drawCharacters(text, x: x, y: y, maxX: maxX, style: style, into: &grid)
    // A selected line break shows as one selected blank after the text.
    let screenX = x + column - leftColumn
    if offset == text.utf8.count && marks.selection.contains(start + offset) && screenX >= x && screenX < maxX
    {
      grid.put(" ", x: screenX, y: y, style: theme.selection, maxX: maxX)
    }
  }

  /// The common case, a line of printable ASCII: a byte is a character is a column, so runs of one
  /// style are slices of the line. Returns the column and offset reached (the line's end).
  private func drawPrintableASCII(
    _ text: String, x: Int, y: Int, maxX: Int, style: (Int, Bool) -> Style, into grid: inout Grid
  ) -> (column: Int, offset: Int) {
    let bytes = Array(text.utf8)
    let first = min(leftColumn, bytes.count)
    let last = max(first, min(bytes.count, leftColumn + (maxX - x)))
    var runStart = first
    var runStyle: Style?
    func flush(upTo end: Int) {
      guard let runStyle, end > runStart else { return }
      let run = String(decoding: bytes[runStart..<end], as: UTF8.self)
      grid.put(run, x: x + runStart - leftColumn, y: y, style: runStyle, maxX: maxX)
    }
    for offset in first..<last {
      let current = style(offset, false)
      if current != runStyle {
        flush(upTo: offset)
        runStart = offset
        runStyle = current
      }
    }
    flush(upTo: last)
    return (bytes.count, bytes.count)
  }

  /// Any other line, grapheme by grapheme: wide characters, tabs, control pictures. Each cluster is
  /// measured once, here, and handed to the grid with its width. A run (characters of one style)
  /// matters only to a zero-width cluster, which joins the cell before it within its run.
  private func drawCharacters(
    _ text: String, x: Int, y: Int, maxX: Int, style: (Int, Bool) -> Style, into grid: inout Grid
  ) -> (column: Int, offset: Int) {
    var column = 0
    var offset = 0
    var runStyle: Style?
    var runStart = x
    for character in text {
      let width = DisplayWidth.onScreen(character, atColumn: column, tabWidth: state.settings.tabWidth)
      let screenX = x + column - leftColumn
      if screenX >= maxX { break }
      if column >= leftColumn {
        let picture = ControlPicture.substitute(for: character)
        let current = style(offset, picture != nil)
        if current != runStyle {
          runStyle = current
          runStart = screenX
        }
        if let picture {
          grid.put(picture, x: screenX, y: y, style: current, maxX: maxX)
        } else if character.utf8.first == 0x09 {  // a tab is always a cluster of its own
          grid.put(String(repeating: " ", count: width), x: screenX, y: y, style: current, maxX: maxX)
        } else {
          grid.put(character, width: width, x: screenX, y: y, style: current, maxX: maxX, runStart: runStart)
        }
      }
      column += width
      offset += character.utf8.count
    }
    return (column, offset)
  }

  /// The note (each line of it), the search options when they need a row, and on the last row
  /// the prompt.
  private func drawBottom(in rect: Rect, notes: [String], into grid: inout Grid) {
    grid.fill(rect, style: theme.prompt)
    let noteStyle = prompt?.error != nil ? theme.statusError : theme.prompt
    for (row, line) in notes.enumerated() where row < rect.height {
      grid.put(" " + line, x: rect.x, y: rect.y + row, style: noteStyle, maxX: rect.maxX)
    }
    guard let prompt else { return }
    let y = rect.maxY - 1
    let optionsRow = optionsNeedARow(width: rect.width)
    if optionsRow && rect.height > 1 {
      grid.put(" " + prompt.optionsText(keymap), x: rect.x, y: y - 1, style: theme.hint, maxX: rect.maxX)
    }
    var x = grid.put(prompt.label, x: rect.x, y: y, style: theme.prompt.bolded, maxX: rect.maxX)
    let inputStyle = prompt.inputIsSuggestion ? theme.selection : theme.prompt
    x = grid.put(prompt.input, x: x, y: y, style: inputStyle, maxX: rect.maxX)
    let details = [prompt.status, optionsRow ? "" : prompt.optionsText(keymap)].filter { !$0.isEmpty }
      .joined(separator: "  ")
    if !details.isEmpty { x = grid.put("  " + details, x: x, y: y, style: theme.hint, maxX: rect.maxX) }
    let hintX = rect.maxX - DisplayWidth.of(prompt.hint(keymap)) - 1
    if hintX > x + 2 { grid.put(prompt.hint(keymap), x: hintX, y: y, style: theme.hint, maxX: rect.maxX) }
  }
}

extension Style {
  fileprivate var bolded: Style {
    var style = self
    style.bold = true
    return style
  }
}
