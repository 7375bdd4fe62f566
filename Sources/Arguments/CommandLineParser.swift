/// Matches a command line against a `CommandSpec`: subcommands first, then options and positionals
/// in any order; `--` ends the options; `-` is a positional (standard input, by convention).
/// Written for this program rather than taken from a library: a run pays for parsing on every start,
/// and reflection-based parsers cost milliseconds there (docs/architecture.md).
public struct CommandLineParser: Sendable {
  public enum Outcome: Equatable {
    case command(ParsedCommand)
    /// `--help`, `-h` or `help [COMMAND]`: the text to print, exit status 0.
    case help(String)
    /// `--version` at the root.
    case version
  }

  public let root: CommandSpec

  public init(_ root: CommandSpec) { self.root = root }

  public func parse(_ arguments: [String]) -> Result<Outcome, UsageError> {
    var spec = root
    var path: [String] = []
    var words = arguments[...]
    if words.first == "help" {
      let names = Array(words.dropFirst())
      guard let target = command(at: names) else {
        let message = "no such command '\(names.joined(separator: " "))'"
        return .failure(UsageError(message: message, usage: HelpText(root).usage))
      }
      return .success(.help(HelpText(target, path: names, rootName: root.name).text))
    }
    if words.first == "--version" { return .success(.version) }
    // Walk down the subcommands the first words name; else the default subcommand, if any.
    while !spec.subcommands.isEmpty {
      if let name = words.first, let next = spec.subcommand(named: name) {
        words = words.dropFirst()
        spec = next
      } else if words.first.map(Self.isHelp) == true {
        return .success(.help(HelpText(spec, path: path, rootName: root.name).text))
      } else if let fallback = spec.defaultSubcommand.flatMap(spec.subcommand(named:)) {
        spec = fallback
      } else {
        let message = words.first.map { "unknown command '\($0)'" } ?? "a command is needed"
        return .failure(
          UsageError(message: message, usage: HelpText(spec, path: path, rootName: root.name).usage))
      }
      path.append(spec.name)
    }
    return parseLeaf(spec, path: path, words: Array(words))
  }

  private func parseLeaf(_ spec: CommandSpec, path: [String], words: [String]) -> Result<Outcome, UsageError>
  {
    var parsed = ParsedCommand(path: path)
    parsed.spec = spec
    parsed.rootName = root.name
    var pending = spec.positionals[...]
    var optionsEnded = false
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      if !optionsEnded && word == "--" {
        optionsEnded = true
      } else if !optionsEnded && Self.isHelp(word) {
        return .success(.help(HelpText(spec, path: path, rootName: root.name).text))
      } else if !optionsEnded && word.hasPrefix("-") && word != "-" {
        guard word.hasPrefix("--") else { return .failure(parsed.failure("unknown option '\(word)'")) }
        let body = word.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        guard let option = spec.option(named: name) else {
          return .failure(parsed.failure("unknown option '--\(name)'"))
        }
        if option.valueName == nil {
          guard inline == nil else { return .failure(parsed.failure("--\(name) takes no value")) }
          parsed.flags.insert(name)
        } else if let inline {
          parsed.values[name] = inline
        } else if index < words.count {
          parsed.values[name] = words[index]
          index += 1
        } else {
          return .failure(parsed.failure("--\(name) needs a value <\(option.valueName ?? "value")>"))
        }
      } else if let positional = pending.popFirst() {
        parsed.positionals[positional.name] = word
      } else {
        return .failure(parsed.failure("unexpected argument '\(word)'"))
      }
    }
    if let missing = pending.first(where: { !$0.isOptional }) {
      return .failure(parsed.failure("missing <\(missing.name)>"))
    }
    return .success(.command(parsed))
  }

  /// The command `help a b` asks about, or nil when there is none by that name.
  private func command(at names: [String]) -> CommandSpec? {
    var spec = root
    for name in names {
      guard let next = spec.subcommand(named: name) else { return nil }
      spec = next
    }
    return spec
  }

  static func isHelp(_ word: String) -> Bool { word == "--help" || word == "-h" }
}
