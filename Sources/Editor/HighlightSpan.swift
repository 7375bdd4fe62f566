/// What a piece of Python source is, for colouring. The TUI maps each kind to a theme style.
public enum TokenKind: Hashable, Sendable, CaseIterable {
  case keyword
  /// `match`, `case`, `type` and `_` where they act as keywords.
  case softKeyword
  /// `True`, `False`, `None`.
  case constant
  case builtin
  /// `@name` (dotted names included) on a line of its own.
  case decorator
  /// The name after `def`.
  case functionName
  /// The name after `class`.
  case className
  case identifier
  case number
  case string
  /// A backslash escape inside a string.
  case escape
  /// The braces (and `!r`, `:`) that delimit an f-string replacement field.
  case interpolation
  case comment
  case `operator`
  /// Brackets, commas, dots, semicolons.
  case punctuation
}

/// A token of one line: a byte range relative to the line's start, and its kind.
public struct HighlightSpan: Hashable, Sendable {
  public var range: Range<Int>
  public var kind: TokenKind

  public init(_ range: Range<Int>, _ kind: TokenKind) {
    self.range = range
    self.kind = kind
  }
}
