import Execution
import FoundationEssentials

/// How the browser orders its list. Pinned snippets always come first.
public enum CatalogOrder: String, Sendable, CaseIterable {
  case recent, name, mostRun = "most run"

  /// The next order, for the key that cycles them.
  var next: CatalogOrder {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}

/// A line of the browser's list: enough to show, sort and filter without the code.
public struct CatalogEntry: Sendable, Equatable {
  public var id: Int64
  public var name: String
  public var tags: [String]
  public var pinned: Bool
  public var updatedAt: Date
  public var runCount: Int
  public var lastRunStatus: ExecutionStatus?
  public var lastRunAt: Date?

  public init(
    id: Int64, name: String, tags: [String], pinned: Bool, updatedAt: Date, runCount: Int,
    lastRunStatus: ExecutionStatus?, lastRunAt: Date?
  ) {
    self.id = id
    self.name = name
    self.tags = tags
    self.pinned = pinned
    self.updatedAt = updatedAt
    self.runCount = runCount
    self.lastRunStatus = lastRunStatus
    self.lastRunAt = lastRunAt
  }
}

/// One recorded run of a snippet, as the run history lists it.
public struct CatalogRun: Sendable, Equatable {
  public var id: Int64
  public var startedAt: Date
  public var status: ExecutionStatus
  public var wallMilliseconds: Double
  public var exitCode: Int?
  /// The exact code that ran: the version to reopen or diff.
  public var code: String

  public init(
    id: Int64, startedAt: Date, status: ExecutionStatus, wallMilliseconds: Double, exitCode: Int?,
    code: String
  ) {
    self.id = id
    self.startedAt = startedAt
    self.status = status
    self.wallMilliseconds = wallMilliseconds
    self.exitCode = exitCode
    self.code = code
  }
}

/// What the snippet browser (Ctrl-O) needs of the snippet database, beside the editor's
/// `SnippetLibrary`. The executable adapts the store (Sources/coderemote/StoreLibrary+Catalog.swift).
/// Every call is synchronous and durable when it returns; a failure's description is shown as it is.
/// Sendable: the browser reads the whole list on another thread while its first page is on screen.
public protocol SnippetCatalog: AnyObject, Sendable {
  /// The live snippets in `order`, pinned ones first: the first `limit` of them, or all (nil).
  func entries(order: CatalogOrder, limit: Int?) throws -> [CatalogEntry]
  /// One live snippet's line, nil when it is gone.
  func entry(_ id: Int64) throws -> CatalogEntry?
  /// The code of a live snippet, nil when it is gone.
  func code(of id: Int64) throws -> String?
  /// Live snippets whose name, tags or code hold words starting with each word of `text` (the
  /// full-text index; any text is safe), newest first, at most `limit`.
  func searchCode(_ text: String, limit: Int) throws -> [Int64]
  /// A new snippet; returns its id.
  func create(name: String, code: String, tags: [String]) throws -> Int64
  func rename(_ id: Int64, to name: String) throws
  func setTags(_ id: Int64, _ tags: [String]) throws
  func setPinned(_ id: Int64, _ pinned: Bool) throws
  /// Replaces the code (Ctrl-S on a snippet's buffer).
  func commit(_ id: Int64, code: String) throws
  /// A copy under a new name; returns its id.
  func duplicate(_ id: Int64) throws -> Int64
  /// Moves a snippet to the trash; `restore` takes it back (the undo of a delete).
  func trash(_ id: Int64) throws
  func restore(_ id: Int64) throws
  /// A snippet's runs, newest first.
  func runs(of id: Int64, limit: Int) throws -> [CatalogRun]
}
