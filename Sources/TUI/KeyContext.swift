/// Where a key means something: the whole app, one pane, a prompt on a pane's bottom row, an
/// overlay (F1, the palette), or the snippet browser's list and its run history. A key is looked up in the context of what has the input, and in
/// `global` before that (an overlay's or a prompt's own keys come first, though).
public enum KeyContext: String, CaseIterable, Sendable {
  case global, editor, prompt, output, analysis, overlay, browser, history

  /// The heading F1 and docs/keybindings.md give the context's keys.
  var title: String {
    switch self {
    case .global: "Application"
    case .editor: "Editor"
    case .prompt: "Prompts (find, replace, go to line, save as)"
    case .output: "Output pane"
    case .analysis: "Analysis pane"
    case .overlay: "Help and palette"
    case .browser: "Snippet browser"
    case .history: "Snippet browser: run history and diffs"
    }
  }
}

/// A command's stable name, as config.toml's `[keys]` and the palette write it: `run`, `save-as`.
public struct CommandName: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { rawValue = value }
  public var description: String { rawValue }
}

/// A command the keymap can bind: its name, what it does in a few words, and where it applies.
public struct KeyCommand: Sendable {
  public var name: CommandName
  public var title: String
  public var context: KeyContext
  /// The keys it has unless config.toml says otherwise.
  public var keys: [Key]

  public init(_ name: CommandName, _ title: String, _ context: KeyContext, keys: [Key] = []) {
    self.name = name
    self.title = title
    self.context = context
    self.keys = keys
  }
}
