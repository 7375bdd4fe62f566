import FoundationEssentials
import GRDB

/// Autosave: a buffer's unsaved text and place, one row per owner, overwritten on each save.
extension SnippetStore {
  /// Stores (or replaces) the draft of `draft.owner`; committed to disk when this returns.
  public func saveDraft(_ draft: Draft) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO drafts (owner, text, cursor_line, cursor_column, scroll_line, updated_at)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (owner) DO UPDATE SET text = excluded.text, cursor_line = excluded.cursor_line,
            cursor_column = excluded.cursor_column, scroll_line = excluded.scroll_line,
            updated_at = excluded.updated_at
          """,
        arguments: [
          draft.owner.key, draft.text, draft.cursorLine, draft.cursorColumn, draft.scrollLine,
          draft.updatedAt.timeIntervalSince1970,
        ])
    }
  }

  public func draft(for owner: DraftOwner) throws(StoreError) -> Draft? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM drafts WHERE owner = ?", arguments: [owner.key]).flatMap(
        Draft.init(row:))
    }
  }

  /// The draft saved last, whoever owns it: where the user was when the editor last stopped.
  public func latestDraft() throws(StoreError) -> Draft? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM drafts ORDER BY updated_at DESC LIMIT 1").flatMap(
        Draft.init(row:))
    }
  }

  public func discardDraft(for owner: DraftOwner) throws(StoreError) {
    try write { db in try db.execute(sql: "DELETE FROM drafts WHERE owner = ?", arguments: [owner.key]) }
  }
}

extension Draft {
  init?(row: Row) {
    guard let owner = DraftOwner(key: row["owner"]) else { return nil }
    self.init(
      owner: owner, text: row["text"], cursorLine: row["cursor_line"], cursorColumn: row["cursor_column"],
      scrollLine: row["scroll_line"], updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
  }
}
