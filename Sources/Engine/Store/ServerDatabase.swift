import GRDB

/// The server's SQLite file, opened like every Code Remote database (`DatabaseOpener`: WAL, busy
/// timeout, synchronous commits, damaged files moved aside, newer or foreign files refused): once a
/// call returns, what it wrote survives `kill -9` of the server. Holds the job queue and the tokens.
public final class ServerDatabase: Sendable {
  public let path: String
  /// Set when the file at `path` could not be read as a database and was moved aside at open.
  public let movedAside: MovedAside?
  let pool: DatabasePool

  /// Opens (or creates) the database at `path`, its parent directory too, and migrates it.
  public init(path: String) throws(StoreError) {
    let (pool, moved) = try DatabaseOpener.open(
      path: path, label: "coderemote.server", schema: ServerSchema.schema)
    self.path = path
    self.pool = pool
    self.movedAside = moved
  }

  /// The job queue in this file.
  public var jobs: SQLiteJobQueue { SQLiteJobQueue(pool: pool) }
  /// The access tokens in this file.
  public var tokens: TokenStore { TokenStore(pool: pool) }
}
