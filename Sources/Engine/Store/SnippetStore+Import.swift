import FoundationEssentials
import GRDB

/// What importing one snippet did.
public enum ImportOutcome: String, Sendable, Codable, CaseIterable {
  case added, updated, unchanged
}

extension SnippetStore {
  /// Adds `snippet` under its `uid`, or brings the snippet with that uid up to date: importing the
  /// same export twice changes nothing the second time. The id given is ignored.
  @discardableResult
  public func upsert(_ snippet: Snippet) throws(StoreError) -> (id: Int64, outcome: ImportOutcome) {
    try write { db in
      if let row = try Row.fetchOne(db, sql: "SELECT * FROM snippets WHERE uid = ?", arguments: [snippet.uid])
      {
        let old = Snippet(row: row)
        var new = snippet
        new.id = old.id
        new.tags = Tags.normalized(new.tags)
        if new.sameContent(as: old) { return (old.id, .unchanged) }
        try db.execute(
          sql: """
            UPDATE snippets SET name = ?, language = ?, code = ?, tags = ?, pinned = ?, created_at = ?,
              updated_at = ?
            WHERE id = ?
            """,
          arguments: [
            new.name, new.language, new.code, Tags.column(new.tags), new.pinned,
            new.createdAt.timeIntervalSince1970, new.updatedAt.timeIntervalSince1970, old.id,
          ])
        return (old.id, .updated)
      }
      return (try Self.insert(snippet, db), .added)
    }
  }

  /// Every live snippet, whole, in id order (for export).
  public func allSnippets() throws(StoreError) -> [Snippet] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM snippets WHERE deleted_at IS NULL ORDER BY id").map(
        Snippet.init(row:))
    }
  }
}

extension Snippet {
  /// Equal but for the id, and for times within a second (an export keeps whole seconds).
  func sameContent(as other: Snippet) -> Bool {
    uid == other.uid && name == other.name && language == other.language && code == other.code
      && tags == other.tags && pinned == other.pinned
      && abs(createdAt.timeIntervalSince(other.createdAt)) < 1
      && abs(updatedAt.timeIntervalSince(other.updatedAt)) < 1
  }
}
