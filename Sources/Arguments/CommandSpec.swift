/// What a command accepts, declared as a value: its arguments, options and subcommands, and the
/// text `--help` shows. The parser, the help text and the shell completions are all read off it, so
/// they cannot disagree.
public struct CommandSpec: Sendable, Equatable {
  public var name: String
  public var abstract: String
  public var discussion: String?
  public var positionals: [Positional]
  /// Words after the last positional, taken as they are, options included (`run FILE ARGS…`
  /// hands them to the program, as `python FILE ARGS…` does).
  public var trailing: Positional?
  public var options: [Option]
  public var subcommands: [CommandSpec]
  /// The subcommand that runs when the first word names none of them (`coderemote FILE`).
  public var defaultSubcommand: String?

  public init(
    name: String, abstract: String, discussion: String? = nil, positionals: [Positional] = [],
    trailing: Positional? = nil, options: [Option] = [], subcommands: [CommandSpec] = [],
    defaultSubcommand: String? = nil
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.positionals = positionals
    self.trailing = trailing
    self.options = options
    self.subcommands = subcommands
    self.defaultSubcommand = defaultSubcommand
  }

  /// What a shell may offer for a word: the completions are generated from it.
  public enum Completion: Sendable, Equatable {
    case none
    case file
    case directory
    case choices([String])
  }

  /// A word on the command line that is not an option, in order.
  public struct Positional: Sendable, Equatable {
    public var name: String
    public var help: String
    public var isOptional: Bool
    public var completion: Completion

    public init(_ name: String, help: String, optional: Bool = false, completion: Completion = .none) {
      self.name = name
      self.help = help
      isOptional = optional
      self.completion = completion
    }
  }

  /// `--name VALUE` (or `--name=VALUE`) when it has a value name, else a flag `--name`, which
  /// `--no-name` turns off again (the last word wins, so an alias can be overridden).
  public struct Option: Sendable, Equatable {
    public var name: String
    /// `-x`: only where the letter is conventional; a short name cannot be taken back once users type it.
    public var short: Character?
    public var valueName: String?
    public var help: String
    /// A value option given several times keeps every value (`--tag a --tag b`); otherwise the last wins.
    public var isRepeatable: Bool
    /// A flag that is on unless `--no-name` is given; its help shows `--[no-]name`.
    public var isOnByDefault: Bool
    public var completion: Completion

    public static func value(
      _ name: String, _ valueName: String, short: Character? = nil, repeatable: Bool = false,
      completion: Completion = .none, help: String
    ) -> Option {
      Option(
        name: name, short: short, valueName: valueName, help: help, isRepeatable: repeatable,
        isOnByDefault: false, completion: completion)
    }

    public static func flag(_ name: String, short: Character? = nil, onByDefault: Bool = false, help: String)
      -> Option
    {
      Option(
        name: name, short: short, valueName: nil, help: help, isRepeatable: false, isOnByDefault: onByDefault,
        completion: .none)
    }

    var isFlag: Bool { valueName == nil }
  }

  func subcommand(named name: String) -> CommandSpec? { subcommands.first { $0.name == name } }
  func option(named name: String) -> Option? { options.first { $0.name == name } }
  func option(short letter: Character) -> Option? { options.first { $0.short == letter } }

  /// Puts `spec` in the tree as a subcommand of the command `parent` names (empty: this one).
  /// Returns false when there is no such parent or it already has a subcommand of that name.
  public mutating func insert(_ spec: CommandSpec, under parent: ArraySlice<String>) -> Bool {
    guard let first = parent.first else {
      guard subcommand(named: spec.name) == nil else { return false }
      subcommands.append(spec)
      return true
    }
    guard let index = subcommands.firstIndex(where: { $0.name == first }) else { return false }
    return subcommands[index].insert(spec, under: parent.dropFirst())
  }

  /// The command `path` names below this one, or nil when there is none by that name.
  public func command(at path: some Sequence<String>) -> CommandSpec? {
    var spec = self
    for name in path {
      guard let next = spec.subcommand(named: name) else { return nil }
      spec = next
    }
    return spec
  }

  /// Every command below this one with its path, parents before children.
  public func descendants(from path: [String] = []) -> [(path: [String], spec: CommandSpec)] {
    subcommands.flatMap { child in
      [(path + [child.name], child)] + child.descendants(from: path + [child.name])
    }
  }
}
