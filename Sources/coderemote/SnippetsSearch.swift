import Arguments
import Store

struct SnippetsSearch: Command {
  static let spec = CommandSpec(
    name: "search", abstract: "Snippets whose name, tags or code hold words starting with each word.",
    positionals: [.init("query", help: "Words to look for; FTS syntax in them is matched literally.")],
    options: Snippets.options)

  var common: Snippets
  var query: String

  init(_ parsed: ParsedCommand) throws(UsageError) {
    common = Snippets(parsed)
    query = parsed.positional("query") ?? ""
  }

  func run() throws(CLIFailure) {
    let store = try common.store()
    common.print(try Snippets.attempt { try store.search(query, limit: 1_000) })
  }
}
