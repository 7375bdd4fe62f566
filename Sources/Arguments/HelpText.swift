/// What `--help` prints for one command, laid out for a terminal of a given width (the executable
/// measures it; this module does no I/O).
public struct HelpText: Sendable, Equatable {
  let spec: CommandSpec
  /// The words that name the command: the root's name, then the subcommands down to this one.
  let words: [String]

  /// Narrower than this, the description column has no room left.
  static let minimumWidth = 40
  static let descriptionColumn = 26

  public init(_ spec: CommandSpec, path: [String] = [], rootName: String? = nil) {
    self.spec = spec
    words = [rootName ?? spec.name] + path
  }

  /// One line: the command, its positionals, then its options.
  public var usage: String {
    var parts = words
    if !spec.subcommands.isEmpty { parts.append("<subcommand>") }
    var positionals = spec.positionals.map { $0.isOptional ? "[<\($0.name)>]" : "<\($0.name)>" }
    let options = spec.options.map { "[" + Self.signature($0, withShort: false) + "]" }
    // Options after the positionals would be trailing words: they go first then.
    if let trailing = spec.trailing {
      positionals.append("[<\(trailing.name)>...]")
      return (parts + options + positionals).joined(separator: " ")
    }
    return (parts + positionals + options).joined(separator: " ")
  }

  /// The help for a terminal `width` columns wide (at least `minimumWidth`).
  public func text(width: Int = 80) -> String {
    let width = max(width, Self.minimumWidth)
    var lines = Self.wrap("OVERVIEW: " + spec.abstract, indent: 0, width: width)
    if let discussion = spec.discussion { lines += [""] + Self.wrap(discussion, indent: 0, width: width) }
    lines += ["", "USAGE: " + usage]
    if !spec.positionals.isEmpty {
      lines += ["", "ARGUMENTS:"]
      for positional in spec.positionals {
        lines += Self.entry("<\(positional.name)>", positional.help, width: width)
      }
      if let trailing = spec.trailing {
        lines += Self.entry("<\(trailing.name)>...", trailing.help, width: width)
      }
    }
    lines += ["", "OPTIONS:"]
    for option in spec.options {
      lines += Self.entry(Self.signature(option, withShort: true), option.help, width: width)
    }
    if words.count == 1 && !spec.subcommands.isEmpty {
      lines += Self.entry("--version", "Show the version.", width: width)
    }
    lines += Self.entry("-h, --help", "Show help information.", width: width)
    if !spec.subcommands.isEmpty {
      lines += ["", "SUBCOMMANDS:"]
      for subcommand in spec.subcommands {
        let name = subcommand.name + (subcommand.name == spec.defaultSubcommand ? " (default)" : "")
        lines += Self.entry(name, subcommand.abstract, width: width)
      }
      let helpWords = [words[0], "help"] + words.dropFirst() + ["<subcommand>"]
      lines += ["", "  See '\(helpWords.joined(separator: " "))' for detailed help."]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `-t, --timeout <seconds>`, `--tag <tag> ...`, `--[no-]empirical`.
  static func signature(_ option: CommandSpec.Option, withShort: Bool) -> String {
    let long = "--" + (option.isOnByDefault ? "[no-]" : "") + option.name
    let short = withShort ? option.short.map { "-\($0), " } ?? "" : ""
    let value = option.valueName.map { " <\($0)>" + (option.isRepeatable ? " ..." : "") } ?? ""
    return short + long + value
  }

  /// `  name                    description`, the description wrapped in its column.
  static func entry(_ name: String, _ description: String, width: Int) -> [String] {
    let body = wrap(description, indent: descriptionColumn, width: width)
    let label = "  " + name
    if label.count < descriptionColumn - 1 {
      let padding = String(repeating: " ", count: descriptionColumn - label.count)
      return [label + padding + body[0].drop { $0 == " " }] + body.dropFirst()
    }
    return [label] + body
  }

  /// `text` in lines of at most `width` columns, each indented by `indent` spaces.
  static func wrap(_ text: String, indent: Int, width: Int) -> [String] {
    let margin = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = margin
    for word in text.split(separator: " ") {
      if line.count > indent && line.count + 1 + word.count > width {
        lines.append(line)
        line = margin
      }
      line += (line.count > indent ? " " : "") + word
    }
    lines.append(line)
    return lines
  }
}
