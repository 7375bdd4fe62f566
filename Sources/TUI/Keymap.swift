/// Which command a key stands for, per context: data, built from `CommandCatalog` and changed by
/// config.toml's `[keys]` (`Keymap+Overrides.swift`). F1, the palette and every pane read it.
public struct Keymap: Sendable {
  /// Every command, the catalog's first, then any the app added (one per theme).
  public private(set) var commands: [KeyCommand]
  private var bindings: [KeyContext: [Key: CommandName]] = [:]
  private var index: [CommandName: Int] = [:]

  public init(commands: [KeyCommand]) {
    self.commands = []
    for command in commands { add(command) }
  }

  /// The keymap with the built-in keys.
  public static let standard = Keymap(commands: CommandCatalog.standard)

  /// Adds a command (and its keys), or replaces the one of that name.
  public mutating func add(_ command: KeyCommand) {
    if let existing = index[command.name] {
      for key in commands[existing].keys { unbind(key, in: commands[existing].context) }
      commands[existing] = command
    } else {
      index[command.name] = commands.count
      commands.append(command)
    }
    for key in command.keys { bind(key, to: command.name) }
  }

  public func command(named name: CommandName) -> KeyCommand? { index[name].map { commands[$0] } }

  /// Binds `key` to a command in the command's context; whatever the key did there before is
  /// replaced. False for an unknown command.
  @discardableResult
  public mutating func bind(_ key: Key, to name: CommandName) -> Bool {
    guard let position = index[name] else { return false }
    let context = commands[position].context
    if let old = bindings[context]?[key], let oldPosition = index[old] {
      commands[oldPosition].keys.removeAll { $0 == key }
    }
    bindings[context, default: [:]][key] = name
    if !commands[position].keys.contains(key) { commands[position].keys.append(key) }
    return true
  }

  /// Takes `key` away from whatever it does in `context`.
  public mutating func unbind(_ key: Key, in context: KeyContext) {
    guard let old = bindings[context]?.removeValue(forKey: key), let position = index[old] else { return }
    commands[position].keys.removeAll { $0 == key }
  }

  /// The command `key` stands for in `context`. A modified navigation key with no binding of its
  /// own falls back to fewer modifiers (Alt, then Ctrl, go first), so Ctrl-Shift-↑ still selects
  /// upwards as Shift-↑ does.
  public func command(for key: Key, in context: KeyContext) -> CommandName? {
    guard let table = bindings[context] else { return nil }
    if let name = table[key] { return name }
    guard case .modified(let base, let modifiers) = key, base.isNavigation else { return nil }
    for fewer in [modifiers.intersection([.shift, .control]), modifiers.intersection(.shift)]
    where fewer != modifiers {
      if let name = table[fewer.isEmpty ? base : .modified(base, fewer)] { return name }
    }
    return nil
  }

  /// The keys bound to a command, in the order they were bound.
  public func keys(for name: CommandName) -> [Key] { command(named: name)?.keys ?? [] }

  /// The commands of one context, in catalog order.
  public func commands(in context: KeyContext) -> [KeyCommand] { commands.filter { $0.context == context } }
}

extension Key {
  /// Arrows, Home, End, PgUp, PgDn: the keys that move.
  var isNavigation: Bool {
    switch self {
    case .up, .down, .left, .right, .home, .end, .pageUp, .pageDown: true
    default: false
    }
  }
}
