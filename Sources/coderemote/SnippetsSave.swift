import Arguments
import Store

struct SnippetsSave: Command {
  static let spec = CommandSpec(
    name: "save", abstract: "Save a file as a new snippet; prints its id once it is on disk.",
    positionals: [.init("file", help: "The file to save, or - for standard input.", completion: .file)],
    options: [
      .value("name", "name", help: "The snippet's name (default: the file name without .py)."),
      .value("tag", "tag", repeatable: true, help: "A tag (a word); repeat for more."),
    ] + Snippets.options)

  var common: Snippets
  var file: String
  var name: String
  var tags: [String]

  init(_ parsed: ParsedCommand) throws(UsageError) {
    common = Snippets(parsed)
    file = parsed.positional("file") ?? "-"
    name = parsed.value("name") ?? Self.defaultName(file)
    guard !name.isEmpty else { throw parsed.failure("--name must not be empty") }
    tags = parsed.values("tag")
  }

  func run() throws(CLIFailure) {
    let code = try SourceFile.read(file)
    let store = try common.store()
    let snippet = try Snippets.attempt { try store.save(NewSnippet(name: name, code: code, tags: tags)) }
    common.say(json: SnippetsJSON.encode(snippet), text: String(snippet.id))
  }

  /// `dir/fizz.py` → `fizz`; standard input → `untitled`.
  static func defaultName(_ file: String) -> String {
    guard file != "-" else { return "untitled" }
    let base = file.split(separator: "/").last.map(String.init) ?? file
    return base.hasSuffix(".py") ? String(base.dropLast(3)) : base
  }
}
