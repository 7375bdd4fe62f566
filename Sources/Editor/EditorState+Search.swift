/// Find and replace over the whole text, moving the selection to what was found.
extension EditorState {
  public enum SearchDirection: Sendable {
    case forward, backward
  }

  /// Every match of `query`.
  public func matches(of query: SearchQuery) throws(SearchError) -> [Range<Int>] {
    try TextSearch.matches(of: query, in: storage)
  }

  /// Selects the next (or previous) match after (or before) `offset`, wrapping around the text.
  /// Returns the index of the selected match among all of them and their count, or nil when none.
  @discardableResult
  public mutating func find(
    _ query: SearchQuery, from offset: Int? = nil, direction: SearchDirection = .forward
  ) throws(SearchError) -> (index: Int, count: Int)? {
    let all = try matches(of: query)
    guard !all.isEmpty else { return nil }
    let index: Int
    switch direction {
    case .forward:
      let from = offset ?? selection.range.upperBound
      index = all.firstIndex { $0.lowerBound >= from } ?? 0
    case .backward:
      let from = offset ?? selection.range.lowerBound
      index = all.lastIndex { $0.lowerBound < from } ?? all.count - 1
    }
    select(Selection(anchor: all[index].lowerBound, head: all[index].upperBound))
    return (index, all.count)
  }

  /// Replaces the selected match (if the selection is one) and selects the next match.
  @discardableResult
  public mutating func replaceNext(
    _ query: SearchQuery, with replacement: String, at time: Duration? = nil
  ) throws(SearchError) -> (index: Int, count: Int)? {
    let all = try TextSearch.replacements(of: query, with: replacement, in: storage)
    if let selected = all.first(where: { $0.range == selection.range }) {
      replaceSelection(with: selected.text, kind: .standalone, time: time)
    }
    return try find(query)
  }

  /// Replaces every match as one undo step; returns how many were replaced. For regular
  /// expressions the replacement may use `$0`…`$9` (see `TextSearch.replacements`).
  @discardableResult
  public mutating func replaceAll(
    _ query: SearchQuery, with replacement: String, at time: Duration? = nil
  ) throws(SearchError) -> Int {
    let all = try TextSearch.replacements(of: query, with: replacement, in: storage)
    guard !all.isEmpty else { return 0 }
    perform(Edit(all), kind: .standalone, time: time)
    return all.count
  }
}
