/// Turns what a user typed into a search box into an FTS5 query that cannot fail to parse.
///
/// Each word becomes a quoted prefix term (`"word"*`) and the terms are AND-ed, so `def fib` finds
/// code holding words that start with `def` and `fib`, and FTS5's syntax (`AND`, `NEAR`, `*`, `:`,
/// parentheses, quotes) is always matched as text, never obeyed. Words with no letter or digit are
/// dropped: the tokenizer would reduce them to nothing, and an empty phrase is an FTS5 error.
public struct SearchPattern: Sendable, Equatable {
  /// The FTS5 MATCH expression; nil when the text has no word to look for (show everything).
  public let expression: String?

  public init(_ text: String) {
    let terms = text.split(whereSeparator: \.isWhitespace)
      .filter { word in word.contains { $0.isLetter || $0.isNumber } }
      .map { word in "\"" + word.replacing("\"", with: "\"\"") + "\"*" }
    expression = terms.isEmpty ? nil : terms.joined(separator: " ")
  }
}
