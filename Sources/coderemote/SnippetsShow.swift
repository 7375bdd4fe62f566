import Arguments
import Glibc
import Processes
import Store

struct SnippetsShow: Command {
  static let spec = CommandSpec(
    name: "show", abstract: "Print a snippet's code exactly (with --json, all of the snippet).",
    positionals: [Snippets.id], options: Snippets.options)

  var common: Snippets
  var id: Int64

  init(_ parsed: ParsedCommand) throws(UsageError) {
    common = Snippets(parsed)
    id = try Snippets.id(parsed)
  }

  func run() throws(CLIFailure) {
    let store = try common.store()
    guard let snippet = try Snippets.attempt({ try store.snippet(id) }) else {
      throw .cannotRun(StoreError.noSuchSnippet(id).description)
    }
    if common.json {
      Snippets.say(SnippetsJSON.encode(snippet))
    } else {
      LiveOutput.writeAll(Array(snippet.code.utf8), to: STDOUT_FILENO)
    }
  }
}
