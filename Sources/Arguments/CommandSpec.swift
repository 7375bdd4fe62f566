/// What a command accepts, declared as a value: its arguments, options and subcommands, and the
/// text `--help` shows. The parser and the help text are both read off it, so they cannot disagree.
public struct CommandSpec: Sendable, Equatable {
  public var name: String
  public var abstract: String
  public var discussion: String?
  public var positionals: [Positional]
  public var options: [Option]
  public var subcommands: [CommandSpec]
  /// The subcommand that runs when the first word names none of them (`coderemote FILE`).
  public var defaultSubcommand: String?

  public init(
    name: String, abstract: String, discussion: String? = nil, positionals: [Positional] = [],
    options: [Option] = [], subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.positionals = positionals
    self.options = options
    self.subcommands = subcommands
    self.defaultSubcommand = defaultSubcommand
  }

  /// A word on the command line that is not an option, in order.
  public struct Positional: Sendable, Equatable {
    public var name: String
    public var help: String
    public var isOptional: Bool

    public init(_ name: String, help: String, optional: Bool = false) {
      self.name = name
      self.help = help
      isOptional = optional
    }
  }

  /// `--name VALUE` (or `--name=VALUE`) when it has a value name, else a flag `--name`.
  public struct Option: Sendable, Equatable {
    public var name: String
    public var valueName: String?
    public var help: String

    public static func value(_ name: String, _ valueName: String, help: String) -> Option {
      Option(name: name, valueName: valueName, help: help)
    }

    public static func flag(_ name: String, help: String) -> Option {
      Option(name: name, valueName: nil, help: help)
    }
  }

  func subcommand(named name: String) -> CommandSpec? { subcommands.first { $0.name == name } }
  func option(named name: String) -> Option? { options.first { $0.name == name } }
}
