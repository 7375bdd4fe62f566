import Arguments
import Glibc
import Processes
import Settings
import Store

/// What every `coderemote snippets …` command shares: `--json`, `--db`, opening the database and
/// printing. The commands are `Snippets*.swift`, one a file; docs/snippets.md has their shapes.
struct Snippets {
  static let abstract = "List, search, show, save, delete, export and import saved snippets."

  static let options: [CommandSpec.Option] = [
    .flag("json", help: "Print JSON (docs/snippets.md has the shapes)."),
    .value(
      "db", "path", completion: .file,
      help: "The snippet database (default: $XDG_DATA_HOME/coderemote/coderemote.db)."),
  ]

  static let id = CommandSpec.Positional("id", help: "The snippet's id.")

  var json: Bool
  var database: String?

  init(_ parsed: ParsedCommand) {
    json = parsed.flag("json")
    database = parsed.value("db")
  }

  /// `<id>` as a snippet id: a positive whole number.
  static func id(_ parsed: ParsedCommand) throws(UsageError) -> Int64 {
    let text = parsed.positional("id") ?? ""
    guard let id = Int64(text), id > 0 else {
      throw parsed.failure("a snippet id is a positive whole number, not '\(text)'")
    }
    return id
  }

  /// The database `--db`, the configuration or the default names, opened; a damaged file moved
  /// aside is said on standard error before anything else.
  func store() throws(CLIFailure) -> SnippetStore {
    let configuration: Configuration
    do { configuration = try Configuration.load() } catch { throw .cannotRun(error.description) }
    let path = configuration.database(override: database)
    let store = try Self.attempt { try SnippetStore.open(path: path) }
    if let moved = store.movedAside {
      LiveOutput.writeAll(Array("coderemote: \(moved)\n".utf8), to: STDERR_FILENO)
    }
    return store
  }

  /// `body`'s store (or archive) error as the CLI's failure, exit status 1.
  static func attempt<T>(_ body: () throws -> T) throws(CLIFailure) -> T {
    do { return try body() } catch { throw .cannotRun("\(error)") }
  }

  /// The JSON document, or the text, and a newline.
  func say(json document: @autoclosure () -> String, text: @autoclosure () -> String) {
    Self.say(json ? document() : text())
  }

  static func say(_ text: String, newline: Bool = true) {
    LiveOutput.writeAll(Array((text + (newline ? "\n" : "")).utf8), to: STDOUT_FILENO)
  }

  /// Summaries as a JSON array or one line each.
  func print(_ summaries: [SnippetSummary]) {
    if json {
      Self.say(SnippetsJSON.encode(summaries))
    } else {
      Self.say(summaries.map(SnippetsText.line).joined(separator: "\n"), newline: !summaries.isEmpty)
    }
  }
}
