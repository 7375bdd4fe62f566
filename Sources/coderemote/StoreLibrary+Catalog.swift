import Execution
import FoundationEssentials
import Store
import TUI

/// The snippet store as the browser's `SnippetCatalog`: the list, the filter's full-text half,
/// the changes the browser makes, and the run history.
extension StoreLibrary: SnippetCatalog {
  func entries(order: CatalogOrder, limit: Int?) throws -> [CatalogEntry] {
    try store.list(order: Self.order(order), limit: limit ?? Int(Int32.max)).map(Self.entry)
  }

  func entry(_ id: Int64) throws -> CatalogEntry? { try store.summary(id).map(Self.entry) }

  func code(of id: Int64) throws -> String? { try store.snippet(id)?.code }

  func searchCode(_ text: String, limit: Int) throws -> [Int64] { try store.searchIDs(text, limit: limit) }

  func create(name: String, code: String, tags: [String]) throws -> Int64 {
    try store.save(NewSnippet(name: name, code: code, tags: tags)).id
  }

  func rename(_ id: Int64, to name: String) throws { try store.rename(id, to: name) }

  func setTags(_ id: Int64, _ tags: [String]) throws { try store.setTags(id, tags) }

  func setPinned(_ id: Int64, _ pinned: Bool) throws { try store.setPinned(id, pinned) }

  func commit(_ id: Int64, code: String) throws { try store.update(id) { $0.code = code } }

  func duplicate(_ id: Int64) throws -> Int64 { try store.duplicate(id).id }

  func trash(_ id: Int64) throws { try store.moveToTrash(id) }

  func restore(_ id: Int64) throws { try store.restore(id) }

  func runs(of id: Int64, limit: Int) throws -> [CatalogRun] {
    try store.runs(of: id, limit: limit).map { run in
      CatalogRun(
        id: run.id, startedAt: run.startedAt, status: run.result.status,
        wallMilliseconds: run.result.wallMilliseconds, exitCode: run.result.exitCode, code: run.code)
    }
  }

  static func order(_ order: CatalogOrder) -> SnippetOrder {
    switch order {
    case .recent: .recent
    case .name: .name
    case .mostRun: .mostRun
    }
  }

  static func entry(_ summary: SnippetSummary) -> CatalogEntry {
    CatalogEntry(
      id: summary.id, name: summary.name, tags: summary.tags, pinned: summary.pinned,
      updatedAt: summary.updatedAt, runCount: summary.runCount, lastRunStatus: summary.lastRunStatus,
      lastRunAt: summary.lastRunAt)
  }
}
