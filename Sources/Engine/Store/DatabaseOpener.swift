import FoundationEssentials
import GRDB
import Glibc

/// How every Code Remote database is opened — the snippet store and the server's database alike:
/// WAL mode (readers never wait; a writer waits up to `busyTimeout` for another process), every
/// commit synchronous (`synchronous = FULL`: once a call returns, what it wrote survives a crash,
/// `kill -9` or a power cut), the schema checked and migrated in one IMMEDIATE transaction (two
/// processes creating the file at once migrate one after the other), and a file that is not a
/// readable database moved aside, never deleted, for a fresh one.
enum DatabaseOpener {
  /// How long a write waits for another process's write to finish.
  static let busyTimeout: Double = 5

  /// Opens (or creates) the database at `path`, its parent directory too, and runs `schema`'s check
  /// and migrations. Returns where a damaged file went, when one was moved aside.
  static func open(path: String, label: String, schema: SchemaMigrations) throws(StoreError) -> (
    pool: DatabasePool, movedAside: MovedAside?
  ) {
    try makeParentDirectory(of: path)
    do {
      return (try openPool(path, label: label, schema: schema), nil)
    } catch let error as DatabaseError where isDamage(error) {
      let moved = try MovedAside.move(path, reason: error.message ?? "\(error.resultCode)")
      do {
        return (try openPool(path, label: label, schema: schema), moved)
      } catch {
        throw StoreError(error, path: path)
      }
    } catch {
      throw StoreError(error, path: path)
    }
  }

  private static func openPool(_ path: String, label: String, schema: SchemaMigrations) throws -> DatabasePool
  {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.label = label
    let pool = try DatabasePool(path: path, configuration: configuration)
    // GRDB sets NORMAL for WAL, which can lose the last commits on a power cut; callers promise more.
    try pool.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      try db.inTransaction(.immediate) {
        try schema.check(db, path: path)
        try schema.migrate(db)
        return .commit
      }
    }
    return pool
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
}
