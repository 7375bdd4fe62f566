import Arguments
import Store

/// `snippets rm ID` moves to the trash; `snippets restore ID` takes it back out.
struct SnippetsTrash: Command {
  static let spec = CommandSpec(
    name: "rm", abstract: "Move a snippet to the trash ('snippets restore ID' brings it back).",
    positionals: [Snippets.id], options: Snippets.options)

  var common: Snippets
  var id: Int64
  var trashing = true

  init(_ parsed: ParsedCommand) throws(UsageError) {
    common = Snippets(parsed)
    id = try Snippets.id(parsed)
    trashing = parsed.path.last != SnippetsRestore.spec.name
  }

  func run() throws(CLIFailure) {
    let store = try common.store()
    try Snippets.attempt { trashing ? try store.moveToTrash(id) : try store.restore(id) }
    common.say(
      json: SnippetsJSON.object(["id": .int(id), "trashed": .bool(trashing)]),
      text: trashing ? "moved snippet \(id) to the trash" : "restored snippet \(id)")
  }
}

/// The same command the other way round: its own spec, `SnippetsTrash`'s work.
struct SnippetsRestore: Command {
  static let spec = CommandSpec(
    name: "restore", abstract: "Take a snippet out of the trash.", positionals: [Snippets.id],
    options: Snippets.options)

  let trash: SnippetsTrash

  init(_ parsed: ParsedCommand) throws(UsageError) { trash = try SnippetsTrash(parsed) }

  func run() throws(CLIFailure) { try trash.run() }
}
