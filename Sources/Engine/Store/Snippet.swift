import Execution
import FoundationEssentials

/// One saved program. `uid` stays the same through export and import, so importing an export twice
/// updates instead of duplicating.
public struct Snippet: Sendable, Equatable, Codable {
  public var id: Int64
  public var uid: String
  public var name: String
  public var language: String
  public var code: String
  /// Words without spaces, in the order given, no repeats (`Tags.normalized`).
  public var tags: [String]
  public var pinned: Bool
  public var createdAt: Date
  public var updatedAt: Date

  public init(
    id: Int64, uid: String, name: String, language: String, code: String, tags: [String], pinned: Bool,
    createdAt: Date, updatedAt: Date
  ) {
    self.id = id
    self.uid = uid
    self.name = name
    self.language = language
    self.code = code
    self.tags = tags
    self.pinned = pinned
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  enum CodingKeys: String, CodingKey {
    case id, uid, name, language, code, tags, pinned
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}

/// What a new snippet is made of; the store adds the id, uid and times.
public struct NewSnippet: Sendable, Equatable {
  public var name: String
  public var language: String
  public var code: String
  public var tags: [String]
  public var pinned: Bool

  public init(
    name: String, language: String = "python", code: String, tags: [String] = [], pinned: Bool = false
  ) {
    self.name = name
    self.language = language
    self.code = code
    self.tags = tags
    self.pinned = pinned
  }
}

/// A line of the snippet list: enough to show and sort without loading the code.
public struct SnippetSummary: Sendable, Equatable, Codable {
  public var id: Int64
  public var name: String
  public var tags: [String]
  public var pinned: Bool
  public var updatedAt: Date
  public var runCount: Int
  public var lastRunStatus: ExecutionStatus?
  public var lastRunAt: Date?

  enum CodingKeys: String, CodingKey {
    case id, name, tags, pinned
    case updatedAt = "updated_at"
    case runCount = "run_count"
    case lastRunStatus = "last_run_status"
    case lastRunAt = "last_run_at"
  }

  /// Every key always present (null when there is no run yet), so the shape never changes.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(name, forKey: .name)
    try container.encode(tags, forKey: .tags)
    try container.encode(pinned, forKey: .pinned)
    try container.encode(updatedAt, forKey: .updatedAt)
    try container.encode(runCount, forKey: .runCount)
    try container.encode(lastRunStatus, forKey: .lastRunStatus)
    try container.encode(lastRunAt, forKey: .lastRunAt)
  }
}

/// How the list is ordered: pinned snippets always come first.
public enum SnippetOrder: String, Sendable, CaseIterable {
  case recent, name, mostRun = "most-run"
}
