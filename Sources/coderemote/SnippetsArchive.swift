import Arguments
import Store

/// `snippets export DIR`: every live snippet as plain files (docs/snippets.md).
struct SnippetsExport: Command {
  static let spec = CommandSpec(
    name: "export", abstract: "Write every snippet as NAME-UID.py plus NAME-UID.json into a directory.",
    positionals: [.init("dir", help: "The directory (created if missing).", completion: .directory)],
    options: Snippets.options)

  var common: Snippets
  var directory: String

  init(_ parsed: ParsedCommand) throws(UsageError) {
    common = Snippets(parsed)
    directory = parsed.positional("dir") ?? "."
  }

  func run() throws(CLIFailure) {
    let store = try common.store()
    let snippets = try Snippets.attempt { try store.allSnippets() }
    let files = try Snippets.attempt { try SnippetArchive(directory: directory).export(snippets) }
    common.say(
      json: SnippetsJSON.object(["directory": .string(directory), "files": .strings(files)]),
      text: "exported \(files.count) snippet\(files.count == 1 ? "" : "s") to \(directory)")
  }
}

/// `snippets import DIR`: an export (or plain `.py` files) back in, matched by uid: no duplicates.
struct SnippetsImport: Command {
  static let spec = CommandSpec(
    name: "import", abstract: "Read a directory written by export (or plain .py files); no duplicates.",
    positionals: [.init("dir", help: "The directory.", completion: .directory)], options: Snippets.options)

  var common: Snippets
  var directory: String

  init(_ parsed: ParsedCommand) throws(UsageError) {
    common = Snippets(parsed)
    directory = parsed.positional("dir") ?? "."
  }

  func run() throws(CLIFailure) {
    let snippets = try Snippets.attempt { try SnippetArchive(directory: directory).read() }
    let store = try common.store()
    var outcomes: [(uid: String, id: Int64, outcome: ImportOutcome)] = []
    for snippet in snippets {
      let (id, outcome) = try Snippets.attempt { try store.upsert(snippet) }
      outcomes.append((snippet.uid, id, outcome))
    }
    let counts = ImportOutcome.allCases.map { kind in outcomes.count { $0.outcome == kind } }
    common.say(
      json: SnippetsJSON.importReport(outcomes, counts: counts),
      text: "\(counts[0]) added, \(counts[1]) updated, \(counts[2]) unchanged")
  }
}
