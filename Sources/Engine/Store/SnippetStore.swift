import FoundationEssentials
import GRDB
import Glibc

/// The snippet database: snippets, their runs, drafts and cached analyses, in one SQLite file in WAL
/// mode, so several editors and commands can use it at once (readers never wait; a writer waits
/// up to `busyTimeout` for another). Every commit is synchronous (`synchronous = FULL`): once a
/// call returns, what it wrote survives a crash or `kill -9` of this process and a power cut.
///
/// Open it with `open(path:)`. The methods are grouped by concern in `SnippetStore+*.swift`.
public final class SnippetStore: Sendable {
  public let path: String
  /// Set when the file at `path` could not be read as a database and was moved aside at open.
  public let movedAside: MovedAside?
  let pool: DatabasePool

  /// How long a write waits for another process's write to finish.
  static let busyTimeout: Double = 5

  private init(path: String, pool: DatabasePool, movedAside: MovedAside?) {
    self.path = path
    self.pool = pool
    self.movedAside = movedAside
  }

  /// Opens (or creates) the database at `path` and brings its schema up to date. A file that is not
  /// a database, or whose schema is damaged, is moved aside (never deleted) and a fresh one started;
  /// `movedAside` then says where the old file went. A database from a newer version is refused.
  public static func open(path: String) throws(StoreError) -> SnippetStore {
    try makeParentDirectory(of: path)
    do {
      return SnippetStore(path: path, pool: try openPool(path), movedAside: nil)
    } catch let error as DatabaseError where isDamage(error) {
      let moved = try MovedAside.move(path, reason: error.message ?? "\(error.resultCode)")
      do {
        return SnippetStore(path: path, pool: try openPool(path), movedAside: moved)
      } catch {
        throw StoreError(error, path: path)
      }
    } catch {
      throw StoreError(error, path: path)
    }
  }

  private static func openPool(_ path: String) throws -> DatabasePool {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.label = "coderemote.store"
    let pool = try DatabasePool(path: path, configuration: configuration)
    // GRDB sets NORMAL for WAL, which can lose the last commits on a power cut; `save` promises more.
    try pool.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      try db.inTransaction(.immediate) {
        try check(db, path: path)
        try StoreSchema.migrate(db)
        return .commit
      }
    }
    return pool
  }

  /// Refuses a database that is not ours or is newer than this program.
  private static func check(_ db: Database, path: String) throws {
    let applied = try StoreSchema.applied(db)
    let unknown = applied.filter { !StoreSchema.migrationNames.contains($0) }
    if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    // GRDB's own tables do not count: it makes one at open to be sure the WAL file exists.
    let tables =
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'grdb\\_%' ESCAPE '\\'") ?? 0
    if applicationID != StoreSchema.applicationID && (applicationID != 0 || tables > 0) && applied.isEmpty {
      throw StoreError.cannotOpen(
        path: path, reason: "it is an SQLite database of another program, left as it is")
    }
  }

  /// SQLite's verdict that the file is not (or no longer) a readable database.
  static func isDamage(_ error: DatabaseError) -> Bool {
    error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
  }

  private static func makeParentDirectory(of path: String) throws(StoreError) {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
    let directory = String(path[..<slash])
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .cannotOpen(path: path, reason: "cannot create \(directory): \(String(cString: strerror(errno)))")
    }
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
