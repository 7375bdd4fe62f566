/// What to look for: plain text or a regular expression, with case and whole-word options.
public struct SearchQuery: Hashable, Sendable {
  public var pattern: String
  public var caseSensitive: Bool
  public var wholeWord: Bool
  public var isRegex: Bool

  public init(_ pattern: String, caseSensitive: Bool = false, wholeWord: Bool = false, isRegex: Bool = false)
  {
    self.pattern = pattern
    self.caseSensitive = caseSensitive
    self.wholeWord = wholeWord
    self.isRegex = isRegex
  }
}

/// A search that could not run.
public enum SearchError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidRegex(String)

  public var description: String {
    switch self {
    case .invalidRegex(let reason): return "invalid regular expression: \(reason)"
    }
  }
}
