/// The text being edited and the cursor in it. Pure: no terminal, no files, no clock.
public struct EditorState: Sendable, Equatable {
  /// Lines without their terminating newlines; there is always at least one.
  public private(set) var lines: [String]
  public private(set) var cursor: Position
  /// The column vertical moves aim for, kept across short lines.
  private var goalColumn: Int?
  public var indentWidth = 4

  public init(text: String = "") {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    cursor = .zero
  }

  public var text: String { lines.joined(separator: "\n") }
  public var lineCount: Int { lines.count }

  public mutating func apply(_ command: EditorCommand) {
    switch command {
    case .insert(let s):
      for (i, piece) in s.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if i > 0 { splitLine(indent: "") }
        insertInLine(String(piece))
      }
    case .newline:
      let current = lines[cursor.line]
      var indent = String(current.prefix { $0 == " " })
      let beforeCursor = current.prefix(cursor.column).trimmingTrailingSpaces()
      if beforeCursor.hasSuffix(":") { indent += String(repeating: " ", count: indentWidth) }
      splitLine(indent: indent)
    case .indent:
      let width = indentWidth - cursor.column % indentWidth
      insertInLine(String(repeating: " ", count: width))
    case .backspace: backspace()
    case .deleteForward: deleteForward()
    case .moveLeft: moveHorizontally(by: -1)
    case .moveRight: moveHorizontally(by: 1)
    case .moveUp: moveVertically(by: -1)
    case .moveDown: moveVertically(by: 1)
    case .moveLineStart: setCursor(Position(line: cursor.line, column: 0))
    case .moveLineEnd: setCursor(Position(line: cursor.line, column: lines[cursor.line].count))
    }
  }

  private mutating func setCursor(_ p: Position, keepGoal: Bool = false) {
    cursor = p
    if !keepGoal { goalColumn = nil }
  }

  private mutating func insertInLine(_ s: String) {
    var line = lines[cursor.line]
    let at = line.index(line.startIndex, offsetBy: cursor.column)
    line.insert(contentsOf: s, at: at)
    lines[cursor.line] = line
    setCursor(Position(line: cursor.line, column: cursor.column + s.count))
  }

  private mutating func splitLine(indent: String) {
    let line = lines[cursor.line]
    let at = line.index(line.startIndex, offsetBy: cursor.column)
    lines[cursor.line] = String(line[..<at])
    lines.insert(indent + line[at...], at: cursor.line + 1)
    setCursor(Position(line: cursor.line + 1, column: indent.count))
  }

  private mutating func backspace() {
    if cursor.column > 0 {
      var line = lines[cursor.line]
      let leading = line.prefix { $0 == " " }.count
      // In leading whitespace, Backspace removes one indent level.
      let width = cursor.column <= leading ? (cursor.column - 1) % indentWidth + 1 : 1
      let end = line.index(line.startIndex, offsetBy: cursor.column)
      let start = line.index(end, offsetBy: -width)
      line.removeSubrange(start..<end)
      lines[cursor.line] = line
      setCursor(Position(line: cursor.line, column: cursor.column - width))
    } else if cursor.line > 0 {
      let previous = lines[cursor.line - 1]
      lines[cursor.line - 1] = previous + lines[cursor.line]
      lines.remove(at: cursor.line)
      setCursor(Position(line: cursor.line - 1, column: previous.count))
    }
  }

  private mutating func deleteForward() {
    var line = lines[cursor.line]
    if cursor.column < line.count {
      line.remove(at: line.index(line.startIndex, offsetBy: cursor.column))
      lines[cursor.line] = line
    } else if cursor.line + 1 < lines.count {
      lines[cursor.line] = line + lines[cursor.line + 1]
      lines.remove(at: cursor.line + 1)
    }
  }

  private mutating func moveHorizontally(by delta: Int) {
    let column = cursor.column + delta
    if column < 0 {
      if cursor.line > 0 { setCursor(Position(line: cursor.line - 1, column: lines[cursor.line - 1].count)) }
    } else if column > lines[cursor.line].count {
      if cursor.line + 1 < lines.count { setCursor(Position(line: cursor.line + 1, column: 0)) }
    } else {
      setCursor(Position(line: cursor.line, column: column))
    }
  }

  private mutating func moveVertically(by delta: Int) {
    let line = cursor.line + delta
    guard line >= 0 && line < lines.count else { return }
    let goal = goalColumn ?? cursor.column
    setCursor(Position(line: line, column: min(goal, lines[line].count)), keepGoal: true)
    goalColumn = goal
  }
}

extension Substring {
  fileprivate func trimmingTrailingSpaces() -> Substring {
    var s = self
    while s.last == " " || s.last == "\t" { s.removeLast() }
    return s
  }
}
