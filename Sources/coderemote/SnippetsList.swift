import Arguments
import Store

struct SnippetsList: Command {
  static let spec = CommandSpec(
    name: "list", abstract: "List the snippets, pinned first, then the most recently changed.",
    options: [
      .value(
        "sort", "order", completion: .choices(SnippetOrder.allCases.map(\.rawValue)),
        help: "recent (default), name or most-run.")
    ] + Snippets.options)

  var common: Snippets
  var order: SnippetOrder

  init(_ parsed: ParsedCommand) throws(UsageError) {
    common = Snippets(parsed)
    let name = parsed.value("sort") ?? SnippetOrder.recent.rawValue
    guard let order = SnippetOrder(rawValue: name) else {
      throw parsed.failure(
        "--sort must be one of \(SnippetOrder.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    self.order = order
  }

  func run() throws(CLIFailure) {
    let store = try common.store()
    common.print(try Snippets.attempt { try store.list(order: order) })
  }
}
