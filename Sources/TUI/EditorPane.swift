import Editor

/// The code editor: line numbers, the text, and a cursor kept in view.
public struct EditorPane: Component {
  public var state: EditorState
  public var fileName: String
  private(set) var topLine = 0
  private(set) var leftColumn = 0
  var theme: Theme = .standard

  public init(state: EditorState, fileName: String) {
    self.state = state
    self.fileName = fileName
  }

  public mutating func handle(_ event: InputEvent) -> EventResult {
    switch event {
    case .key(let key):
      guard let command = Self.command(for: key) else { return .ignored }
      state.apply(command)
      return .handled
    case .paste(let text):
      state.apply(.insert(text))
      return .handled
    case .resize:
      return .ignored
    }
  }

  static func command(for key: Key) -> EditorCommand? {
    switch key {
    case .character(let c): return .insert(String(c))
    case .enter: return .newline
    case .tab: return .indent
    case .backspace: return .backspace
    case .delete: return .deleteForward
    case .left: return .moveLeft
    case .right: return .moveRight
    case .up: return .moveUp
    case .down: return .moveDown
    case .home: return .moveLineStart
    case .end: return .moveLineEnd
    default: return nil
    }
  }

  /// Width of the line-number gutter, including one blank column.
  func gutterWidth() -> Int { String(state.lineCount).count + 2 }

  /// Scrolls so the cursor is visible in a text area of the given size.
  mutating func scrollToCursor(textWidth: Int, height: Int) {
    let cursor = state.cursor
    if cursor.line < topLine { topLine = cursor.line }
    if height > 0 && cursor.line >= topLine + height { topLine = cursor.line - height + 1 }
    let column = visualColumn(of: cursor)
    if column < leftColumn { leftColumn = column }
    if textWidth > 1 && column >= leftColumn + textWidth { leftColumn = column - textWidth + 1 }
  }

  func visualColumn(of position: Position) -> Int {
    let line = state.lines[position.line].prefix(position.column)
    return VisibleText.segments(line).reduce(0) { $0 + DisplayWidth.of($1.text) }
  }

  /// Where the terminal cursor goes, given the rectangle this pane was drawn in.
  public func cursorLocation(in rect: Rect) -> (x: Int, y: Int)? {
    let x = rect.x + gutterWidth() + visualColumn(of: state.cursor) - leftColumn
    let y = rect.y + state.cursor.line - topLine
    return rect.contains(x: x, y: y) ? (x, y) : nil
  }

  public func render(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.text)
    let gutter = gutterWidth()
    for row in 0..<rect.height {
      let index = topLine + row
      guard index < state.lineCount else { break }
      let y = rect.y + row
      let number = String(index + 1)
      let numberStyle = index == state.cursor.line ? theme.currentLineNumber : theme.gutter
      grid.put(
        String(repeating: " ", count: gutter - 1 - number.count) + number, x: rect.x, y: y,
        style: numberStyle, maxX: rect.maxX)
      drawLine(state.lines[index], x: rect.x + gutter, y: y, maxX: rect.maxX, into: &grid)
    }
  }

  /// Draws one line from `leftColumn`, the part left of it scrolled out of view.
  private func drawLine(_ line: String, x: Int, y: Int, maxX: Int, into grid: inout Grid) {
    var column = -leftColumn
    for segment in VisibleText.segments(line) {
      let style = segment.inert ? theme.inert : theme.text
      for character in segment.text {
        let w = DisplayWidth.of(character)
        if column >= 0 {
          if x + column + w > maxX { return }
          grid.put(String(character), x: x + column, y: y, style: style, maxX: maxX)
        }
        column += w
      }
    }
  }
}
