import Foundation
import GRDB
import Testing

@testable import Store

@Suite("Schema migrations")
struct MigrationTests {
  @Test("an empty file gets every migration, WAL, FULL sync, a busy timeout and our application id")
  func fromEmpty() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let (applied, journal, synchronous, timeout, applicationID, tables) = try store.write { db in
      (
        try StoreSchema.applied(db), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA busy_timeout"),
        try Int32.fetchOne(db, sql: "PRAGMA application_id"),
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      )
    }
    #expect(applied == StoreSchema.migrationNames)
    #expect(journal == "wal" && synchronous == 2 && timeout == 5_000)
    #expect(applicationID == StoreSchema.applicationID)
    for table in ["snippets", "snippets_fts", "runs", "drafts", "analyses"] {
      #expect(tables.contains(table))
    }
  }

  /// A database left by each earlier version (the schema after each migration but the last), with
  /// the rows that version could hold, opens with everything kept and the rest of the schema added.
  @Test(
    "every earlier schema is brought up to date with its rows kept",
    arguments: StoreSchema.migrationNames.dropLast())
  func fromEarlier(last: String) throws {
    let database = try TemporaryDatabase()
    let level = StoreSchema.migrationNames.firstIndex(of: last)!
    do {
      let pool = try DatabasePool(path: database.path)
      try pool.write { db in try StoreSchema.migrate(db, upTo: last) }
      try pool.write { db in
        try db.execute(
          sql: """
            INSERT INTO snippets (id, uid, name, code, tags, created_at, updated_at)
            VALUES (1, 'old', 'old one', 'print("kept")', 'legacy', 10, 20)
            """)
        if level >= 1 {
          try db.execute(
            sql: """
              INSERT INTO runs (snippet_id, code, code_hash, status, started_at, result)
              VALUES (1, 'print("kept")', 'h', 'ok', 30, '{"id":"r","status":"ok"}')
              """)
        }
        if level >= 2 {
          try db.execute(
            sql: """
              INSERT INTO drafts (owner, text, cursor_line, cursor_column, scroll_line, updated_at)
              VALUES ('snippet:1', 'draft', 1, 2, 3, 40)
              """)
        }
      }
    }
    let store = try database.open()
    #expect(
      try store.read { db in try StoreSchema.applied(db) } == StoreSchema.migrationNames)
    #expect(try store.snippet(1)?.code == #"print("kept")"#)
    #expect(try store.search("kept").map(\.id) == [1])
    #expect(try store.search("legacy").map(\.id) == [1])
    #expect(try store.runs(of: 1).count == (level >= 1 ? 1 : 0))
    #expect(try store.draft(for: .snippet(1))?.text == (level >= 2 ? "draft" : nil))
    try store.cacheAnalysis("{}", codeHash: "h", kind: "static")
  }

  @Test("a database from a newer version is refused and left as it was")
  func newer() throws {
    let database = try TemporaryDatabase()
    do {
      let store = try database.open()
      try store.save(NewSnippet(name: "mine", code: "1"))
      try store.write { db in
        try db.execute(sql: "INSERT INTO schema_migrations VALUES ('9-from-the-future', 0)")
      }
    }
    let before = try Self.contents(database.path)
    #expect(throws: StoreError.newerSchema(path: database.path, unknownMigrations: ["9-from-the-future"])) {
      try database.open()
    }
    #expect(try Self.contents(database.path) == before)
    #expect(try database.files().allSatisfy { !$0.contains("damaged") })
    let message = StoreError.newerSchema(path: database.path, unknownMigrations: ["9-from-the-future"])
      .description
    #expect(message.contains("newer Code Remote") && message.contains(database.path))
  }

  /// The schema, the migrations and the snippets: what a refused open must not change.
  static func contents(_ path: String) throws -> [String] {
    try DatabaseQueue(path: path).read { db in
      try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        + String.fetchAll(db, sql: "SELECT name FROM schema_migrations ORDER BY name")
        + String.fetchAll(db, sql: "SELECT name || code FROM snippets ORDER BY id")
    }
  }

  @Test("another program's SQLite database is refused, not migrated")
  func foreign() throws {
    let database = try TemporaryDatabase()
    do {
      let queue = try DatabaseQueue(path: database.path)
      try queue.write { db in
        try db.execute(sql: "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)")
      }
    }
    #expect {
      try database.open()
    } throws: { error in
      guard case .cannotOpen(_, let reason) = error as? StoreError else { return false }
      return reason.contains("another program")
    }
    let tables = try DatabaseQueue(path: database.path).read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    #expect(tables == ["accounts"])
  }
}
