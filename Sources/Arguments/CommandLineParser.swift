/// Matches a command line against a `CommandSpec`: subcommands first, then options and positionals
/// in any order; `--` ends the options; `-` is a positional (standard input, by convention).
/// Written for this program rather than taken from a library: a run pays for parsing on every start,
/// and reflection-based parsers cost milliseconds there (docs/architecture.md).
public struct CommandLineParser: Sendable {
  public enum Outcome: Equatable {
    case command(ParsedCommand)
    /// `--help`, `-h` or `help [COMMAND]`: the text to print (at the terminal's width), exit status 0.
    case help(HelpText)
    /// `--version` at the root.
    case version
  }

  public let root: CommandSpec
  /// Whether a word names an existing file: a word no subcommand claims goes to the default
  /// subcommand only when it is a file (or looks like a path), so a mistyped command is an error
  /// rather than an empty buffer named after it. Asked only for such a word.
  let isFile: @Sendable (String) -> Bool

  public init(_ root: CommandSpec, isFile: @escaping @Sendable (String) -> Bool = { _ in false }) {
    self.root = root
    self.isFile = isFile
  }

  public func parse(_ arguments: [String]) -> Result<Outcome, UsageError> {
    var spec = root
    var path: [String] = []
    var words = arguments[...]
    if words.first == "help" {
      let names = Array(words.dropFirst())
      guard let target = root.command(at: names) else {
        let message = "no such command '\(names.joined(separator: " "))'"
        return .failure(UsageError(message: message, usage: HelpText(root).usage))
      }
      return .success(.help(HelpText(target, path: names, rootName: root.name)))
    }
    if words.first == "--version" { return .success(.version) }
    // Walk down the subcommands the first words name; else the default subcommand, if any.
    while !spec.subcommands.isEmpty {
      let help = HelpText(spec, path: path, rootName: root.name)
      if let name = words.first, let next = spec.subcommand(named: name) {
        words = words.dropFirst()
        spec = next
      } else if words.first.map(Self.isHelp) == true {
        return .success(.help(help))
      } else if let fallback = spec.defaultSubcommand.flatMap(spec.subcommand(named:)),
        words.first.map(fallsThrough) ?? true
      {
        spec = fallback
      } else if let word = words.first {
        var message = "unknown command '\(word)'"
        if let close = Suggestion.closest(to: word, among: spec.subcommands.map(\.name)) {
          message += "; did you mean '\(close)'?"
        } else if let fallback = spec.defaultSubcommand {
          message += " (for a file of that name: '\((help.words + [fallback, word]).joined(separator: " "))')"
        }
        return .failure(UsageError(message: message, usage: help.usage))
      } else {
        return .failure(UsageError(message: "a subcommand is needed", usage: help.usage))
      }
      path.append(spec.name)
    }
    return parseLeaf(spec, path: path, words: Array(words))
  }

  /// Whether a first word no subcommand names belongs to the default subcommand: an option, `-`, a
  /// word that looks like a path (command names have no `/` or `.`), or an existing file.
  private func fallsThrough(_ word: String) -> Bool {
    word.hasPrefix("-") || word.contains("/") || word.contains(".") || isFile(word)
  }

  private func parseLeaf(_ spec: CommandSpec, path: [String], words: [String]) -> Result<Outcome, UsageError>
  {
    var parsed = ParsedCommand(path: path)
    parsed.spec = spec
    parsed.rootName = root.name
    var pending = spec.positionals[...]
    var optionsEnded = false
    var index = 0
    /// The value of an option: the rest of its word, else the next word.
    func takeValue(_ option: CommandSpec.Option, inline: String?, label: String) -> UsageError? {
      if let inline {
        parsed.values[option.name, default: []].append(inline)
      } else if index < words.count {
        parsed.values[option.name, default: []].append(words[index])
        index += 1
      } else {
        return parsed.failure("\(label) needs a value <\(option.valueName ?? "value")>")
      }
      return nil
    }
    while index < words.count {
      let word = words[index]
      index += 1
      if optionsEnded || word == "-" || !word.hasPrefix("-") {
        guard let positional = pending.popFirst() else {
          return .failure(parsed.failure("unexpected argument '\(word)'"))
        }
        parsed.positionals[positional.name] = word
        if pending.isEmpty, spec.trailing != nil {
          parsed.trailing = Array(words[index...])
          break
        }
      } else if word == "--" {
        optionsEnded = true
      } else if word == "--help" {
        return .success(.help(HelpText(spec, path: path, rootName: root.name)))
      } else if word.hasPrefix("--") {
        let body = word.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        if let option = spec.option(named: name) {
          if option.isFlag {
            guard inline == nil else { return .failure(parsed.failure("--\(name) takes no value")) }
            parsed.flagSettings[name] = true
          } else if let error = takeValue(option, inline: inline, label: "--\(name)") {
            return .failure(error)
          }
        } else if name.hasPrefix("no-"), let option = spec.option(named: String(name.dropFirst(3))),
          option.isFlag
        {
          guard inline == nil else { return .failure(parsed.failure("--\(name) takes no value")) }
          parsed.flagSettings[option.name] = false
        } else {
          var message = "unknown option '--\(name)'"
          if let close = Suggestion.closest(to: name, among: spec.options.map(\.name) + ["help"]) {
            message += "; did you mean '--\(close)'?"
          }
          return .failure(parsed.failure(message))
        }
      } else {
        // `-abc` is `-a -b -c`; a letter that takes a value takes the rest of the word, else the next.
        var letters = word.dropFirst()
        while let letter = letters.popFirst() {
          guard let option = spec.option(short: letter) else {
            if letter == "h" { return .success(.help(HelpText(spec, path: path, rootName: root.name))) }
            return .failure(parsed.failure("unknown option '-\(letter)'"))
          }
          if option.isFlag {
            parsed.flagSettings[option.name] = true
          } else {
            let error = takeValue(
              option, inline: letters.isEmpty ? nil : String(letters), label: "-\(letter)")
            if let error { return .failure(error) }
            break
          }
        }
      }
    }
    if let missing = pending.first(where: { !$0.isOptional }) {
      return .failure(parsed.failure("missing <\(missing.name)>"))
    }
    return .success(.command(parsed))
  }

  static func isHelp(_ word: String) -> Bool { word == "--help" || word == "-h" }
}
