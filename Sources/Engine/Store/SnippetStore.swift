import FoundationEssentials
import GRDB
import Glibc

/// The snippet database: snippets, their runs, drafts and cached analyses, in one SQLite file in WAL
/// mode, so several editors and commands can use it at once (readers never wait; a writer waits
/// up to `DatabaseOpener.busyTimeout` for another). Every commit is synchronous (`synchronous = FULL`): once a
/// call returns, what it wrote survives a crash or `kill -9` of this process and a power cut.
///
/// Open it with `open(path:)`. The methods are grouped by concern in `SnippetStore+*.swift`.
public final class SnippetStore: Sendable {
  public let path: String
  /// Set when the file at `path` could not be read as a database and was moved aside at open.
  public let movedAside: MovedAside?
  let pool: DatabasePool

  private init(path: String, pool: DatabasePool, movedAside: MovedAside?) {
    self.path = path
    self.pool = pool
    self.movedAside = movedAside
  }

  /// Opens (or creates) the database at `path` and brings its schema up to date (see
  /// `DatabaseOpener`). A file that is not a database, or whose schema is damaged, is moved aside
  /// (never deleted) and a fresh one started; `movedAside` then says where the old file went. A
  /// database from a newer version, or another program's, is refused.
  public static func open(path: String) throws(StoreError) -> SnippetStore {
    let (pool, moved) = try DatabaseOpener.open(
      path: path, label: "coderemote.store", schema: StoreSchema.schema)
    return SnippetStore(path: path, pool: pool, movedAside: moved)
  }

  /// Runs `body` in one write transaction, with errors in the store's terms.
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.write(body) } catch { throw StoreError(error, path: path) }
  }

  /// Runs `body` on a snapshot of the database.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.read(body) } catch { throw StoreError(error, path: path) }
  }
}

extension StoreError {
  /// Any error from GRDB or the store, named for the user.
  init(_ error: any Error, path: String) {
    if let error = error as? StoreError {
      self = error
      return
    }
    guard let error = error as? DatabaseError else {
      self = .failed(path: path, reason: "\(error)")
      return
    }
    let reason = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_FULL: self = .diskFull(path: path)
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(path: path, reason: reason)
    case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
      self = .cannotOpen(path: path, reason: reason)
    default: self = .failed(path: path, reason: reason)
    }
  }
}
