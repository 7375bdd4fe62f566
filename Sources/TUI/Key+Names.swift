/// How a key is written: `label` for F1, the palette and docs/keybindings.md (`^S`, `Shift-F3`,
/// `Alt-←`), and `init?(name:)` for config.toml's `[keys]` (`"ctrl-s"`, `"shift-f3"`,
/// `"alt-left"`). Both spell modifiers in one order: Shift, Ctrl, Alt.
extension Key {
  /// The key as F1 and the docs show it.
  public var label: String {
    switch self {
    case .character(" "): return "Space"
    case .character("\u{1F}"): return "Ctrl-/"
    case .character(let character): return String(character)
    case .ctrl(let letter): return "^" + letter.uppercased()
    case .function(let number): return "F\(number)"
    case .modified(.character(let character), let modifiers) where modifiers == .alt:
      return "Alt-" + character.uppercased()
    case .modified(let base, let modifiers):
      var prefix = ""
      if modifiers.contains(.shift) { prefix += "Shift-" }
      if modifiers.contains(.control) { prefix += "Ctrl-" }
      if modifiers.contains(.alt) { prefix += "Alt-" }
      return prefix + base.label
    default: return Self.namedKeys.first { $0.key == self }?.label ?? "?"
    }
  }

  /// Keys with a name of their own: how config.toml writes them and how F1 shows them.
  private static let namedKeys: [(name: String, key: Key, label: String)] = [
    ("enter", .enter, "Enter"), ("tab", .tab, "Tab"), ("shift-tab", .backTab, "Shift-Tab"),
    ("backspace", .backspace, "Backspace"), ("delete", .delete, "Delete"), ("esc", .escape, "Esc"),
    ("up", .up, "↑"), ("down", .down, "↓"), ("left", .left, "←"), ("right", .right, "→"),
    ("home", .home, "Home"), ("end", .end, "End"), ("pageup", .pageUp, "PgUp"),
    ("pagedown", .pageDown, "PgDn"), ("insert", .insert, "Insert"),
  ]

  /// Other spellings config.toml accepts for the same keys.
  private static let aliases: [String: String] = [
    "escape": "esc", "return": "enter", "pgup": "pageup", "pgdn": "pagedown", "page-up": "pageup",
    "page-down": "pagedown", "del": "delete", "ins": "insert", "backtab": "shift-tab",
  ]

  /// Reads a key as config.toml writes it: modifiers (`shift-`, `ctrl-`, `alt-`) then a key
  /// (`a`, `f5`, `home`, `pageup`, `space`…), case-insensitively. Nil when it names no key, or
  /// one no terminal can send (Ctrl with a digit, Shift with a letter).
  public init?(name: String) {
    var parts = name.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    // "ctrl--" and "alt--" end in the minus key itself.
    if parts.count >= 2 && parts.suffix(2) == ["", ""] { parts = parts.dropLast(2) + ["-"] }
    guard let last = parts.popLast(), !last.isEmpty else { return nil }
    var modifiers: Modifiers = []
    for part in parts {
      switch part {
      case "shift", "s": modifiers.insert(.shift)
      case "ctrl", "control", "c": modifiers.insert(.control)
      case "alt", "meta", "m", "a": modifiers.insert(.alt)
      default: return nil
      }
    }
    let base = Self.aliases[last] ?? last
    if base == "tab" && modifiers == .shift {
      self = .backTab
      return
    }
    var key: Key
    if let named = Self.namedKeys.first(where: { $0.name == base }) {
      key = named.key
    } else if base.first == "f", let number = Int(base.dropFirst()), (1...24).contains(number) {
      key = .function(number)
    } else if base == "space" {
      key = .character(" ")
    } else if base.count == 1, let character = base.first, character.isASCII, !character.isWhitespace {
      if modifiers.contains(.control) {
        // Only Ctrl with a letter is a key of its own; Ctrl-Alt-x is Alt plus ^X.
        guard character.isLetter, !modifiers.contains(.shift) else { return nil }
        modifiers.remove(.control)
        key = .ctrl(character)
      } else {
        // Shift with a letter is the capital letter; the terminal sends no Shift for it.
        guard !modifiers.contains(.shift) else { return nil }
        key = .character(character)
      }
    } else {
      return nil
    }
    self = modifiers.isEmpty ? key : .modified(key, modifiers)
  }
}
