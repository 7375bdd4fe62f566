/// Where the Python lexer is at a line boundary: inside nothing, or inside a (triple-quoted or
/// backslash-continued) string, possibly within f-string replacement fields nested in strings.
/// Equal states at a line's start mean the rest of the file lexes as before — the highlighter's
/// reason to stop re-lexing after an edit.
public struct LexState: Hashable, Sendable {
  /// How a string literal was opened.
  struct StringStyle: Hashable, Sendable {
    var quote: UInt8
    var triple: Bool
    var raw: Bool
    var formatted: Bool
  }

  /// One level of nesting, innermost last.
  enum Context: Hashable, Sendable {
    case string(StringStyle)
    /// An f-string replacement field: brackets open inside its expression, and whether the lexer
    /// is in its format spec (after a top-level `:`).
    case field(depth: Int, inFormatSpec: Bool)
  }

  var contexts: [Context] = []

  public static let normal = LexState()

  public var isNormal: Bool { contexts.isEmpty }
}
