import FoundationEssentials

/// Whose unsaved text a draft is: a stored snippet's, a file's on disk (by absolute path), or the
/// buffer that belongs to neither yet.
public enum DraftOwner: Sendable, Hashable {
  case snippet(Int64)
  case file(String)
  case scratch

  /// The primary key of the `drafts` row.
  var key: String {
    switch self {
    case .snippet(let id): return "snippet:\(id)"
    case .file(let path): return "file:" + path
    case .scratch: return "scratch"
    }
  }

  init?(key: String) {
    if key == "scratch" {
      self = .scratch
    } else if key.hasPrefix("file:") {
      self = .file(String(key.dropFirst(5)))
    } else if key.hasPrefix("snippet:"), let id = Int64(key.dropFirst(8)) {
      self = .snippet(id)
    } else {
      return nil
    }
  }
}

/// A buffer's text as the user left it, with where the cursor and the view were, so a restart
/// (or a crash) reopens the same place. Autosave writes one of these, debounced; saving a file to
/// disk or a snippet does not remove it, the owner does when the draft is no longer needed.
public struct Draft: Sendable, Equatable {
  public var owner: DraftOwner
  public var text: String
  public var cursorLine: Int
  public var cursorColumn: Int
  /// The first line shown in the editor.
  public var scrollLine: Int
  public var updatedAt: Date

  public init(
    owner: DraftOwner, text: String, cursorLine: Int = 0, cursorColumn: Int = 0, scrollLine: Int = 0,
    updatedAt: Date = Date()
  ) {
    self.owner = owner
    self.text = text
    self.cursorLine = cursorLine
    self.cursorColumn = cursorColumn
    self.scrollLine = scrollLine
    self.updatedAt = updatedAt
  }
}
