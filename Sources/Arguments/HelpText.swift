/// What `--help` prints for one command, laid out for an 80-column terminal.
public struct HelpText {
  let spec: CommandSpec
  /// The words that name the command: the root's name, then the subcommands down to this one.
  let words: [String]

  static let width = 80
  static let descriptionColumn = 26

  public init(_ spec: CommandSpec, path: [String] = [], rootName: String? = nil) {
    self.spec = spec
    words = [rootName ?? spec.name] + path
  }

  /// One line: the command, its positionals, then its options.
  public var usage: String {
    var parts = words
    if !spec.subcommands.isEmpty { parts.append("<subcommand>") }
    for positional in spec.positionals {
      parts.append(positional.isOptional ? "[<\(positional.name)>]" : "<\(positional.name)>")
    }
    for option in spec.options {
      parts.append("[" + Self.signature(option) + "]")
    }
    return parts.joined(separator: " ")
  }

  public var text: String {
    var lines = Self.wrap("OVERVIEW: " + spec.abstract, indent: 0)
    if let discussion = spec.discussion { lines += [""] + Self.wrap(discussion, indent: 0) }
    lines += ["", "USAGE: " + usage]
    if !spec.positionals.isEmpty {
      lines += ["", "ARGUMENTS:"]
      for positional in spec.positionals { lines += Self.entry("<\(positional.name)>", positional.help) }
    }
    lines += ["", "OPTIONS:"]
    for option in spec.options { lines += Self.entry(Self.signature(option), option.help) }
    if !spec.subcommands.isEmpty { lines += Self.entry("--version", "Show the version.") }
    lines += Self.entry("-h, --help", "Show help information.")
    if !spec.subcommands.isEmpty {
      lines += ["", "SUBCOMMANDS:"]
      for subcommand in spec.subcommands {
        let name = subcommand.name + (subcommand.name == spec.defaultSubcommand ? " (default)" : "")
        lines += Self.entry(name, subcommand.abstract)
      }
      lines += ["", "  See '\(words.joined(separator: " ")) help <subcommand>' for detailed help."]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func signature(_ option: CommandSpec.Option) -> String {
    "--" + option.name + (option.valueName.map { " <\($0)>" } ?? "")
  }

  /// `  name                    description`, the description wrapped in its column.
  static func entry(_ name: String, _ description: String) -> [String] {
    let body = wrap(description, indent: descriptionColumn)
    let label = "  " + name
    if label.count < descriptionColumn - 1 {
      let first =
        label + String(repeating: " ", count: descriptionColumn - label.count)
        + body[0].drop {
          $0 == " "
        }
      return [first] + body.dropFirst()
    }
    return [label] + body
  }

  /// `text` in lines of at most `width` columns, each indented by `indent` spaces.
  static func wrap(_ text: String, indent: Int) -> [String] {
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
