/// How the editor behaves; the TUI fills it from the configuration.
public struct EditorSettings: Hashable, Sendable {
  /// Spaces per indent level; Tab inserts spaces, never a tab character.
  public var indentWidth = 4
  /// Columns between tab stops when drawing a tab already in the text.
  public var tabWidth = 4
  /// Typing an opening bracket or quote also types its partner (never inside a paste).
  public var autoClose = true

  public init(indentWidth: Int = 4, tabWidth: Int = 4, autoClose: Bool = true) {
    self.indentWidth = max(1, indentWidth)
    self.tabWidth = max(1, tabWidth)
    self.autoClose = autoClose
  }
}
