import Settings

/// config.toml's `[keys]`: the user's bindings over the built-in ones. Settings reads the table
/// and the executable hands its `KeyBinding`s in; an entry that names no key or no
/// command is skipped with a problem to show, and the rest still apply: a typo in a key binding
/// never stops the editor from starting.
extension KeyBinding {
  /// How the entry is written in config.toml, for messages.
  var place: String {
    let table = context.map { "[keys.\($0)]" } ?? "[keys]"
    return (line.map { "line \($0): " } ?? "") + "\(table) \"\(key)\""
  }
}

extension Keymap {
  /// Applies the overrides in order; returns what was wrong with those that could not apply.
  public mutating func apply(_ overrides: [KeyBinding]) -> [String] {
    var problems: [String] = []
    for entry in overrides {
      if let problem = apply(entry) { problems.append("\(entry.place): \(problem)") }
    }
    return problems
  }

  private mutating func apply(_ entry: KeyBinding) -> String? {
    var context: KeyContext?
    if let name = entry.context {
      context = KeyContext(rawValue: name)
      guard context != nil else {
        return
          "no such context \"\(name)\" (known: \(KeyContext.allCases.map(\.rawValue).joined(separator: ", ")))"
      }
    }
    guard let key = Key(name: entry.key) else {
      return "not a key (write it like \"ctrl-s\", \"alt-x\", \"f5\", \"shift-f3\" or \"ctrl-home\")"
    }
    if entry.command == "none" {
      for each in context.map({ [$0] }) ?? KeyContext.allCases { unbind(key, in: each) }
      return nil
    }
    guard let command = command(named: CommandName(entry.command)) else {
      let near = commands.map(\.name.rawValue).filter {
        $0.hasPrefix(String(entry.command.prefix(3))) || entry.command.hasPrefix($0)
      }
      return "unknown command \"\(entry.command)\""
        + (near.isEmpty
          ? "" : " (did you mean \(near.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))?)")
        + "; the palette lists them all"
    }
    if let context, context != command.context {
      return
        "\"\(entry.command)\" belongs to the \(command.context.rawValue) context: bind it under [keys] or [keys.\(command.context.rawValue)]"
    }
    bind(key, to: command.name)
    return nil
  }
}
