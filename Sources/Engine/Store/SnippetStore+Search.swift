import GRDB

/// The filter as you type.
extension SnippetStore {
  /// Live snippets whose name, tags or code hold words starting with each word of `text`
  /// (`SearchPattern`), newest first, at most `limit`. Any text is safe: FTS5 syntax in it is
  /// matched literally. Text with no word in it lists everything, as `list` does.
  ///
  /// Newest first rather than by relevance: FTS5 can then walk its index backwards and stop after
  /// `limit` rows, where ranking would score every match (a one-letter filter matches nearly all).
  public func search(_ text: String, limit: Int = 100) throws(StoreError) -> [SnippetSummary] {
    guard let expression = SearchPattern(text).expression else { return try list(limit: limit) }
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.summaryColumns) FROM snippets WHERE id IN (
            SELECT rowid FROM snippets_fts WHERE snippets_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
          ORDER BY id DESC
          """, arguments: [expression, limit]
      ).map(SnippetSummary.init(row:))
    }
  }
}
