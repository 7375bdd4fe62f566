import Editor

/// The preview: the selected code with line numbers and the editor's syntax colours (the Python
/// lexer and the theme's token styles), and the words the filter found in it marked.
extension SnippetBrowser {
  /// Draws `code` from line `top` into `rect`. `marks` gives a line's byte ranges to highlight.
  func drawCode(
    _ code: String, top: Int, marks: (Substring) -> [Range<Int>], in rect: Rect, into grid: inout Grid
  ) {
    guard rect.width > 4, rect.height > 0 else { return }
    let lines = LineDiff.lines(of: code)
    guard !lines.isEmpty else {
      grid.put(" (empty)", x: rect.x, y: rect.y, style: theme.hint, maxX: rect.maxX)
      return
    }
    let first = max(0, min(top, lines.count - 1))
    let gutter = String(lines.count).count + 2
    var state = LexState.normal
    for line in lines.prefix(first) { state = PythonLexer.endState(of: Array(line.utf8), from: state) }
    for (offset, line) in lines[first...].prefix(rect.height).enumerated() {
      let y = rect.y + offset
      let number = String(first + offset + 1)
      grid.put(
        String(repeating: " ", count: gutter - 1 - number.count) + number, x: rect.x, y: y,
        style: theme.gutter,
        maxX: rect.maxX)
      let (spans, end) = PythonLexer.lex(Array(line.utf8), from: state)
      state = end
      drawCodeLine(
        line, spans: spans, marks: marks(line), x: rect.x + gutter, y: y, maxX: rect.maxX, into: &grid)
    }
  }

  private func drawCodeLine(
    _ line: Substring, spans: [HighlightSpan], marks: [Range<Int>], x: Int, y: Int, maxX: Int,
    into grid: inout Grid
  ) {
    var column = 0
    var offset = 0
    var span = 0
    for character in line {
      if x + column >= maxX { break }
      while span < spans.count && spans[span].range.upperBound <= offset { span += 1 }
      var style = theme.text
      if span < spans.count && spans[span].range.contains(offset) {
        style = theme.highlight.style(for: spans[span].kind)
      }
      if marks.contains(where: { $0.contains(offset) }) { style = theme.searchMatch }
      if character == "\t" {
        let width = 4 - column % 4
        grid.put(String(repeating: " ", count: width), x: x + column, y: y, style: style, maxX: maxX)
        column += width
      } else if let picture = ControlPicture.substitute(for: character) {
        column = grid.put(picture, x: x + column, y: y, style: theme.inert, maxX: maxX) - x
      } else {
        let width = DisplayWidth.of(character)
        guard grid.put(character, width: width, x: x + column, y: y, style: style, maxX: maxX, runStart: x)
        else { break }
        column += width
      }
      offset += character.utf8.count
    }
  }
}
