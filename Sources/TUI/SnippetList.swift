/// The browser's list as it shows and filters it: the entries in their order, the fuzzy index
/// over their names and tags, and where each id is. Built off the UI thread for a whole list
/// (`App.readSnippetList`): over 100,000 snippets the index takes tens of milliseconds.
public struct SnippetList: Sendable {
  let entries: [CatalogEntry]
  let index: FuzzyIndex
  let positionOfID: [Int64: Int]

  init(_ entries: [CatalogEntry]) {
    self.entries = entries
    index = FuzzyIndex(entries)
    var positions: [Int64: Int] = [:]
    positions.reserveCapacity(entries.count)
    for (position, entry) in entries.enumerated() { positions[entry.id] = position }
    positionOfID = positions
  }

  static let empty = SnippetList([])
}
