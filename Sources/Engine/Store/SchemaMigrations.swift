import GRDB

/// A database's schema as named migrations, applied in order and recorded in the file's
/// `schema_migrations` table, so a database from any earlier version is brought up to date and one
/// from a later version is recognised (it names migrations this list lacks). The snippet store
/// (`StoreSchema`) and the server's database (`ServerSchema`) each have one, in files of their own.
/// Never edit a shipped migration: add the next one.
struct SchemaMigrations: Sendable {
  /// Written into the file header (`PRAGMA application_id`) by the first migration, to tell our
  /// databases apart from other programs'.
  let applicationID: Int32
  let migrations: [(name: String, sql: String)]

  var names: [String] { migrations.map(\.name) }

  /// Applies the migrations `db` lacks, in order, up to and including `last` (all when nil), and
  /// records each by name. The caller holds a write transaction that began IMMEDIATE: two processes
  /// opening a new file at once then migrate one after the other, never both. (GRDB's migrator
  /// decides what is pending before it takes the lock, so two processes could both run a migration.)
  func migrate(_ db: Database, upTo last: String? = nil) throws {
    try db.execute(
      sql: "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)")
    let done = try applied(db)
    for (name, sql) in migrations {
      if !done.contains(name) {
        try db.execute(sql: sql)
        try db.execute(
          sql: "INSERT INTO schema_migrations (name, applied_at) VALUES (?, strftime('%s', 'now'))",
          arguments: [name])
      }
      if name == last { break }
    }
  }

  /// The names of the migrations recorded in `db`, in the order they were applied.
  func applied(_ db: Database) throws -> [String] {
    guard try db.tableExists("schema_migrations") else { return [] }
    return try String.fetchAll(db, sql: "SELECT name FROM schema_migrations ORDER BY rowid")
  }

  /// Refuses a database that is not this schema's (another program's, or the other Code Remote
  /// database: the snippet store and the server each stamp their own id) or is newer than this
  /// program. The id is looked at first, so a file of the other kind is not called newer.
  func check(_ db: Database, path: String) throws {
    let fileID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    let applied = try applied(db)
    // GRDB's own tables do not count: it makes one at open to be sure the WAL file exists.
    let tables =
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'grdb\\_%' ESCAPE '\\'") ?? 0
    if fileID != applicationID && (fileID != 0 || tables > 0 && applied.isEmpty) {
      throw StoreError.cannotOpen(
        path: path, reason: "it is an SQLite database of another program, left as it is")
    }
    let unknown = applied.filter { !names.contains($0) }
    if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
  }
}
