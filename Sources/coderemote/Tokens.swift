import Arguments
import FoundationEssentials
import Glibc
import Server
import Store

/// `coderemote tokens create NAME|list|revoke ID|NAME`: the server's access tokens.
enum Tokens {
  static let abstract = "Create, list and revoke the server's access tokens."

  static let databaseOption = CommandSpec.Option.value(
    "db", "path", completion: .file,
    help: "The server database (default: server.sqlite in the data directory).")

  /// The token table of the database `--db` names (or the default one).
  static func store(_ parsed: ParsedCommand) throws(CLIFailure) -> TokenStore {
    let path = parsed.value("db") ?? Serve.defaultDatabasePath()
    do { return try ServerDatabase(path: path).tokens } catch {
      throw .cannotRun("cannot open the server database \(path): \(error)")
    }
  }

  /// Runs `body`, with the store's refusals and failures as CLI failures (exit 1).
  static func attempt(_ body: () throws -> Void) throws(CLIFailure) {
    do { try body() } catch let error as CLIFailure { throw error } catch let error as TokenStoreError {
      throw .cannotRun(error.description)
    } catch {
      throw .cannotRun("server database: \(error)")
    }
  }

  static func now() -> Double { Date().timeIntervalSince1970 }
}

/// `coderemote tokens create NAME`: prints a new token once; only its hash is stored.
struct TokensCreate: Command {
  static let spec = CommandSpec(
    name: "create", abstract: "Create a token and print it (once: only its hash is kept).",
    positionals: [.init("name", help: "A name for whoever uses the token.")], options: [Tokens.databaseOption]
  )

  var name: String
  var parsed: ParsedCommand

  init(_ parsed: ParsedCommand) throws(UsageError) {
    name = parsed.positional("name") ?? ""
    guard !name.isEmpty, name.count <= 100, !name.contains(where: \.isNewline) else {
      throw parsed.failure("a token name is 1 to 100 characters on one line")
    }
    self.parsed = parsed
  }

  func run() throws(CLIFailure) {
    let store = try Tokens.store(parsed)
    let secret = TokenSecret.generate()
    let token = StoredToken(
      id: TokenSecret.generateID(), name: name, hash: TokenSecret.hash(secret), createdAt: Tokens.now())
    try Tokens.attempt { try store.add(token) }
    print(secret)
    LiveOutput.writeAll(
      Array("created token \(token.id) (\(name)); it is shown only this once\n".utf8), to: STDERR_FILENO)
  }
}

/// `coderemote tokens list`: id, state, creation time and name of every token, never a secret.
struct TokensList: Command {
  static let spec = CommandSpec(
    name: "list", abstract: "List the tokens (never their secrets).", options: [Tokens.databaseOption])

  var parsed: ParsedCommand

  init(_ parsed: ParsedCommand) throws(UsageError) { self.parsed = parsed }

  func run() throws(CLIFailure) {
    let store = try Tokens.store(parsed)
    try Tokens.attempt {
      for token in try store.all() {
        let state = token.revokedAt == nil ? "live" : "revoked"
        let created = Date(timeIntervalSince1970: token.createdAt).ISO8601Format()
        print("\(token.id)\t\(state)\t\(created)\t\(token.name)")
      }
    }
  }
}

/// `coderemote tokens revoke ID|NAME`: the token stops working at the next request.
struct TokensRevoke: Command {
  static let spec = CommandSpec(
    name: "revoke", abstract: "Revoke a token: it stops working at once.",
    positionals: [.init("token", help: "The token's id or name.")], options: [Tokens.databaseOption])

  var key: String
  var parsed: ParsedCommand

  init(_ parsed: ParsedCommand) throws(UsageError) {
    key = parsed.positional("token") ?? ""
    self.parsed = parsed
  }

  func run() throws(CLIFailure) {
    let store = try Tokens.store(parsed)
    try Tokens.attempt {
      let token = try store.revoke(key, at: Tokens.now())
      print("revoked token \(token.id) (\(token.name))")
    }
  }
}
