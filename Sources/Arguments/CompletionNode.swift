/// One command of the tree as a shell completion sees it: where it is, what may follow it. A group
/// with a default subcommand also takes that subcommand's options and positionals (`coderemote
/// --theme dusk FILE`), as the parser does.
struct CompletionNode {
  var path: [String]
  var spec: CommandSpec
  var subcommands: [CommandSpec]
  var fallback: String?
  var options: [CommandSpec.Option]
  var positionals: [CommandSpec.Positional]
  var isRoot: Bool { path.isEmpty }

  /// Every command of `root`'s tree, root first; `help` is a pseudo-command naming the others.
  static func all(_ root: CommandSpec) -> [CompletionNode] {
    var nodes = ([(path: [String](), spec: root)] + root.descendants()).map { path, spec in
      let fallback = spec.defaultSubcommand.flatMap(spec.subcommand(named:))
      return CompletionNode(
        path: path, spec: spec, subcommands: spec.subcommands, fallback: fallback?.name,
        options: spec.options + (fallback?.options ?? []),
        positionals: spec.positionals + (fallback?.positionals ?? []))
    }
    let help = CommandSpec(
      name: "help", abstract: "Show help for a command.",
      positionals: [
        .init("command", help: "", optional: true, completion: .choices(root.subcommands.map(\.name)))
      ])
    nodes[0].subcommands.append(help)
    nodes.append(
      CompletionNode(path: ["help"], spec: help, subcommands: [], options: [], positionals: help.positionals))
    return nodes
  }

  /// The words that name an option: `--name`, `-x`, and `--no-name` for a flag that is on by default.
  static func words(_ option: CommandSpec.Option) -> [String] {
    ["--" + option.name] + (option.short.map { ["-\($0)"] } ?? [])
      + (option.isOnByDefault ? ["--no-" + option.name] : [])
  }

  /// Every option word this command accepts, help (and at the root, version) included.
  var optionWords: [String] {
    options.flatMap(Self.words) + (isRoot ? ["--version"] : []) + ["--help", "-h"]
  }

  /// The words that take a value in the next word.
  var valuedWords: [String] {
    options.filter { !$0.isFlag }.flatMap(Self.words)
  }

  /// A shell function name for this command: `_coderemote_snippets_list`.
  func functionName(_ rootName: String) -> String { Self.functionName(rootName, path) }

  static func functionName(_ rootName: String, _ path: [String]) -> String {
    (["_" + rootName] + path).joined(separator: "_").map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce(
      into: ""
    ) { $0.append($1) }
  }
}

/// `text` as one single-quoted shell word (`it's` → `'it'\''s'`), safe in bash, zsh and fish.
func shellQuoted(_ text: String) -> String {
  "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
}
