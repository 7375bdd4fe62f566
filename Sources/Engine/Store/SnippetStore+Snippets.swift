import Execution
import FoundationEssentials
import GRDB

/// Saving, reading, changing and trashing snippets.
extension SnippetStore {
  static let summaryColumns =
    "id, name, tags, pinned, updated_at, run_count, last_run_status, last_run_at"

  /// Stores a new snippet; when this returns, it is committed to disk.
  @discardableResult
  public func save(_ new: NewSnippet, now: Date = Date()) throws(StoreError) -> Snippet {
    var snippet = Snippet(
      id: 0, uid: UUID().uuidString.lowercased(), name: new.name, language: new.language, code: new.code,
      tags: Tags.normalized(new.tags), pinned: new.pinned, createdAt: now, updatedAt: now)
    snippet.id = try write { db in try Self.insert(snippet, db) }
    return snippet
  }

  /// Stores many new snippets in one transaction (an import, a benchmark's corpus): all or none.
  @discardableResult
  public func save(all new: [NewSnippet], now: Date = Date()) throws(StoreError) -> [Int64] {
    try write { db in
      try new.map { one in
        try Self.insert(
          Snippet(
            id: 0, uid: UUID().uuidString.lowercased(), name: one.name, language: one.language,
            code: one.code,
            tags: Tags.normalized(one.tags), pinned: one.pinned, createdAt: now, updatedAt: now), db)
      }
    }
  }

  static func insert(_ snippet: Snippet, _ db: Database) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO snippets (uid, name, language, code, tags, pinned, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        snippet.uid, snippet.name, snippet.language, snippet.code, Tags.column(snippet.tags), snippet.pinned,
        snippet.createdAt.timeIntervalSince1970, snippet.updatedAt.timeIntervalSince1970,
      ])
    return db.lastInsertedRowID
  }

  /// The snippet with this id; nil when there is none or it is in the trash (unless asked for).
  public func snippet(_ id: Int64, includingTrash: Bool = false) throws(StoreError) -> Snippet? {
    try read { db in
      let live = includingTrash ? "" : " AND deleted_at IS NULL"
      return try Row.fetchOne(db, sql: "SELECT * FROM snippets WHERE id = ?" + live, arguments: [id])
        .map(Snippet.init(row:))
    }
  }

  /// Changes a live snippet (its name, code, tags, language or pin) and returns it as stored. The
  /// update time moves only when the name, code or tags change: pinning is not editing.
  @discardableResult
  public func update(_ id: Int64, now: Date = Date(), _ change: (inout Snippet) -> Void) throws(StoreError)
    -> Snippet
  {
    try write { db in
      guard
        let old = try Row.fetchOne(
          db, sql: "SELECT * FROM snippets WHERE id = ? AND deleted_at IS NULL", arguments: [id]
        ).map(Snippet.init(row:))
      else { throw StoreError.noSuchSnippet(id) }
      var new = old
      change(&new)
      new.id = old.id
      new.uid = old.uid
      new.tags = Tags.normalized(new.tags)
      if new.name != old.name || new.code != old.code || new.tags != old.tags || new.language != old.language
      {
        new.updatedAt = now
      }
      try db.execute(
        sql: """
          UPDATE snippets SET name = ?, language = ?, code = ?, tags = ?, pinned = ?, created_at = ?,
            updated_at = ?
          WHERE id = ?
          """,
        arguments: [
          new.name, new.language, new.code, Tags.column(new.tags), new.pinned,
          new.createdAt.timeIntervalSince1970, new.updatedAt.timeIntervalSince1970, id,
        ])
      return new
    }
  }

  /// A copy of a live snippet under a new name (default: the name plus " copy").
  @discardableResult
  public func duplicate(_ id: Int64, name: String? = nil, now: Date = Date()) throws(StoreError) -> Snippet {
    guard let original = try snippet(id) else { throw .noSuchSnippet(id) }
    let copy = NewSnippet(
      name: name ?? original.name + " copy", language: original.language, code: original.code,
      tags: original.tags)
    return try save(copy, now: now)
  }

  /// Moves a snippet to the trash: it leaves the list and the search, its runs and drafts stay, and
  /// `restore` brings it back (the undo of a delete).
  public func moveToTrash(_ id: Int64, now: Date = Date()) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE snippets SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
        arguments: [now.timeIntervalSince1970, id])
      if db.changesCount == 0 { throw StoreError.noSuchSnippet(id) }
    }
  }

  /// Takes a snippet out of the trash.
  public func restore(_ id: Int64) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE snippets SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", arguments: [id])
      if db.changesCount == 0 { throw StoreError.noSuchSnippet(id) }
    }
  }

  /// The snippets in the trash, most recently deleted first.
  public func trash() throws(StoreError) -> [SnippetSummary] {
    try read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT \(Self.summaryColumns) FROM snippets WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
      ).map(SnippetSummary.init(row:))
    }
  }

  /// Deletes for good what has been in the trash since before `cutoff`; returns how many. Their runs
  /// stay in the history, no longer linked to a snippet.
  @discardableResult
  public func emptyTrash(deletedBefore cutoff: Date = .distantFuture) throws(StoreError) -> Int {
    try write { db in
      try db.execute(
        sql: "DELETE FROM snippets WHERE deleted_at IS NOT NULL AND deleted_at < ?",
        arguments: [cutoff.timeIntervalSince1970])
      return db.changesCount
    }
  }

  /// Live snippets in `order`, pinned ones first.
  public func list(order: SnippetOrder = .recent, limit: Int = Int(Int32.max), offset: Int = 0)
    throws(StoreError) -> [SnippetSummary]
  {
    let sort: String
    switch order {
    case .recent: sort = "updated_at DESC, id DESC"
    case .name: sort = "name COLLATE NOCASE, id"
    case .mostRun: sort = "run_count DESC, updated_at DESC, id DESC"
    }
    return try read { db in
      // A cursor over the rows, read by column index: the browser lists all 100,000 at once.
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Self.summaryColumns) FROM snippets WHERE deleted_at IS NULL
          ORDER BY pinned DESC, \(sort) LIMIT ? OFFSET ?
          """, arguments: [limit, offset])
      var summaries: [SnippetSummary] = []
      while let row = try cursor.next() { summaries.append(SnippetSummary(columns: row)) }
      return summaries
    }
  }

  /// How many live snippets there are.
  public func count() throws(StoreError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM snippets WHERE deleted_at IS NULL") ?? 0
    }
  }
}

extension Snippet {
  init(row: Row) {
    self.init(
      id: row["id"], uid: row["uid"], name: row["name"], language: row["language"], code: row["code"],
      tags: Tags.parse(row["tags"]), pinned: row["pinned"],
      createdAt: Date(timeIntervalSince1970: row["created_at"]),
      updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
  }
}

extension SnippetSummary {
  /// From a row of `summaryColumns` in their order, by index (faster than by name).
  init(columns row: Row) {
    let status: String? = row[6]
    let lastRunAt: Double? = row[7]
    self.init(
      id: row[0], name: row[1], tags: Tags.parse(row[2]), pinned: row[3],
      updatedAt: Date(timeIntervalSince1970: row[4]), runCount: row[5],
      lastRunStatus: status.flatMap(ExecutionStatus.init(rawValue:)),
      lastRunAt: lastRunAt.map(Date.init(timeIntervalSince1970:)))
  }

  init(row: Row) {
    let lastRunAt: Double? = row["last_run_at"]
    let status: String? = row["last_run_status"]
    self.init(
      id: row["id"], name: row["name"], tags: Tags.parse(row["tags"]), pinned: row["pinned"],
      updatedAt: Date(timeIntervalSince1970: row["updated_at"]), runCount: row["run_count"],
      lastRunStatus: status.flatMap(ExecutionStatus.init(rawValue:)),
      lastRunAt: lastRunAt.map(Date.init(timeIntervalSince1970:)))
  }
}
