import Arguments

/// Every command of the CLI, keyed by its full path (`["run"]`, `["snippets", "list"]`): the spec tree
/// the parser, help and completions read is built from this table, and dispatch looks the parsed
/// path up in it, so a command cannot be parsed without being run or run without being parsed.
enum CommandTable {
  enum Entry: Sendable {
    /// A command that runs.
    case command([String], any Command.Type)
    /// A word that only groups subcommands (`snippets`): its own words are a usage error.
    case group([String], abstract: String)

    var path: [String] {
      switch self {
      case .command(let path, _), .group(let path, _): path
      }
    }
  }

  /// Parents before their children; the order here is the order of `--help`.
  static let entries: [Entry] = [
    .command(["edit"], Edit.self),
    .command(["run"], Run.self),
    .command(["analyze"], Analyze.self),
    .group(["snippets"], abstract: Snippets.abstract),
    .command(["snippets", "list"], SnippetsList.self),
    .command(["snippets", "search"], SnippetsSearch.self),
    .command(["snippets", "show"], SnippetsShow.self),
    .command(["snippets", "save"], SnippetsSave.self),
    .command(["snippets", "rm"], SnippetsTrash.self),
    .command(["snippets", "restore"], SnippetsRestore.self),
    .command(["snippets", "export"], SnippetsExport.self),
    .command(["snippets", "import"], SnippetsImport.self),
    .command(["doctor"], Doctor.self),
    .command(["serve"], Serve.self),
    .group(["tokens"], abstract: Tokens.abstract),
    .command(["tokens", "create"], TokensCreate.self),
    .command(["tokens", "list"], TokensList.self),
    .command(["tokens", "revoke"], TokensRevoke.self),
    .command(["completions"], Completions.self),
  ]

  /// The whole tree, rooted at `coderemote`.
  static let root: CommandSpec = {
    var root = CommandSpec(
      name: "coderemote",
      abstract: "A full-screen terminal playground for Python: edit, run in a sandbox, read the output.",
      discussion: """
        Without a subcommand, opens the editor on FILE (or an empty buffer); a first word that is no \
        command is taken as a FILE when it exists or looks like a path (has a '/' or a '.').
        """,
      defaultSubcommand: "edit")
    for entry in entries {
      var spec: CommandSpec
      switch entry {
      case .command(_, let type): spec = type.spec
      case .group(let path, let abstract): spec = CommandSpec(name: path.last ?? "", abstract: abstract)
      }
      assert(spec.name == entry.path.last, "the spec of \(entry.path) is named \(spec.name)")
      spec.name = entry.path.last ?? spec.name
      let inserted = root.insert(spec, under: entry.path.dropLast())
      assert(inserted, "\(entry.path): its parent is not in the table yet, or it is there twice")
    }
    return root
  }()

  /// The command the table has at `path`, nil for a group or a path it does not have.
  static func command(at path: [String]) -> (any Command.Type)? {
    for case .command(let candidate, let type) in entries where candidate == path { return type }
    return nil
  }
}
