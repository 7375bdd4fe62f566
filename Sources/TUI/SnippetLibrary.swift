import Editor
import Execution
import FoundationEssentials

/// Whose buffer the editor holds: a stored snippet, a file on disk (by absolute path), or the
/// scratch buffer that is neither yet. Each has at most one draft.
public enum BufferOwner: Sendable, Hashable {
  case snippet(Int64)
  case file(String)
  case scratch
}

/// A buffer as autosave keeps it: its text and where the cursor and the view were.
public struct BufferDraft: Sendable, Equatable {
  public var owner: BufferOwner
  public var text: String
  public var cursor: Position
  /// The first line on screen.
  public var topLine: Int
  public var savedAt: Date

  public init(owner: BufferOwner, text: String, cursor: Position, topLine: Int, savedAt: Date) {
    self.owner = owner
    self.text = text
    self.cursor = cursor
    self.topLine = topLine
    self.savedAt = savedAt
  }
}

/// What the editor needs of the snippet database. The TUI never sees the store itself: the
/// executable adapts it (Sources/coderemote/StoreLibrary.swift). Every call is synchronous and
/// durable when it returns; a failure's description is shown to the user as it is.
public protocol SnippetLibrary: AnyObject {
  func saveDraft(_ draft: BufferDraft) throws
  func draft(for owner: BufferOwner) throws -> BufferDraft?
  /// The draft saved last, whoever owns it: where the editor was when it last stopped.
  func latestDraft() throws -> BufferDraft?
  func discardDraft(for owner: BufferOwner) throws
  /// A snippet's name, nil when there is no such snippet.
  func snippetName(_ id: Int64) throws -> String?
  /// Keeps a finished run of `code`: linked to the snippet when the buffer is one.
  func recordRun(of owner: BufferOwner, code: String, result: ExecutionResult, startedAt: Date) throws
}
