/// A place in the text: a line and a column counted in grapheme clusters (user-perceived characters).
public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static let zero = Position(line: 0, column: 0)

  public static func < (a: Position, b: Position) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  public var description: String { "\(line + 1):\(column + 1)" }
}
