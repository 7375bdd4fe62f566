/// How hints and notices name keys: from the keymap as bound now, so a key moved in config.toml
/// is the key the screen offers (and a key taken away is not offered at all).
extension Keymap {
  /// The keys of `names` as a hint writes them, `F3/^N`: arrows and F13 and up (the aliases some
  /// terminals send for Shift-F1…) are left out while there is another key, the shortest come
  /// first, and at most `limit` are named. Nil when none of the commands has a key.
  func hintKeys(_ names: [CommandName], limit: Int = 2) -> String? {
    let keys = names.flatMap(keys(for:))
    let plain = keys.filter { !$0.isNavigation && !$0.isAliasFunctionKey }
    let chosen = (plain.isEmpty ? keys : plain).enumerated()
      .sorted { ($0.element.label.count, $0.offset) < ($1.element.label.count, $1.offset) }
      .prefix(limit).sorted { $0.offset < $1.offset }.map(\.element.label)
    return chosen.isEmpty ? nil : chosen.joined(separator: "/")
  }

  func hintKeys(_ name: CommandName, limit: Int = 2) -> String? { hintKeys([name], limit: limit) }

  /// A row of hints, "Enter done  F3/^N next": each part is the keys of its commands and a word;
  /// a part whose commands have no key is left out.
  func hint(_ parts: [(names: [CommandName], word: String, limit: Int)], separator: String = "  ") -> String {
    parts.compactMap { part in hintKeys(part.names, limit: part.limit).map { "\($0) \(part.word)" } }
      .joined(separator: separator)
  }
}

/// One part of a hint row: the commands whose keys it names, and what they do.
func hintPart(_ names: CommandName..., word: String, limit: Int = 2) -> (
  names: [CommandName], word: String, limit: Int
) {
  (names, word, limit)
}

extension Key {
  /// F13–F24: what several terminals send for Shift-F1…Shift-F12, bound beside them.
  fileprivate var isAliasFunctionKey: Bool {
    if case .function(let number) = self { return number > 12 }
    return false
  }
}
