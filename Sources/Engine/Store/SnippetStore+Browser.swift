import FoundationEssentials
import GRDB

/// What the snippet browser asks for beyond the list and the search: one line of the list, the
/// filter's ids alone, and the one-field changes it makes.
extension SnippetStore {
  /// The list's line for a live snippet; nil when there is none or it is in the trash.
  public func summary(_ id: Int64) throws(StoreError) -> SnippetSummary? {
    try read { db in
      try Row.fetchOne(
        db, sql: "SELECT \(Self.summaryColumns) FROM snippets WHERE id = ? AND deleted_at IS NULL",
        arguments: [id]
      ).map(SnippetSummary.init(row:))
    }
  }

  /// The ids `search` would list, from the full-text index alone: what the browser's filter needs
  /// per keystroke (it has the lines already).
  public func searchIDs(_ text: String, limit: Int = 100) throws(StoreError) -> [Int64] {
    guard let expression = SearchPattern(text).expression else { return [] }
    return try read { db in
      try Int64.fetchAll(
        db, sql: "SELECT rowid FROM snippets_fts WHERE snippets_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        arguments: [expression, limit])
    }
  }

  /// Gives a live snippet a new name (not empty: names are how it is found).
  public func rename(_ id: Int64, to name: String, now: Date = Date()) throws(StoreError) {
    guard name.contains(where: { !$0.isWhitespace }) else {
      throw .invalid("a snippet's name cannot be empty")
    }
    try update(id, now: now) { $0.name = name }
  }

  /// Replaces a live snippet's tags (normalised as `Tags` says).
  public func setTags(_ id: Int64, _ tags: [String], now: Date = Date()) throws(StoreError) {
    try update(id, now: now) { $0.tags = tags }
  }

  /// Pins or unpins a live snippet; its update time stays (pinning is not editing).
  public func setPinned(_ id: Int64, _ pinned: Bool) throws(StoreError) {
    try update(id) { $0.pinned = pinned }
  }
}
