import Editor
import Execution
import FoundationEssentials
import Store
import TUI

/// The snippet store as the editor's `SnippetLibrary`: drafts, snippet names and the run history,
/// translated between the TUI's types and the store's. Sendable: it holds only the store, which is.
final class StoreLibrary: SnippetLibrary, Sendable {
  let store: SnippetStore

  init(_ store: SnippetStore) { self.store = store }

  func saveDraft(_ draft: BufferDraft) throws {
    try store.saveDraft(
      Draft(
        owner: Self.owner(draft.owner), text: draft.text, cursorLine: draft.cursor.line,
        cursorColumn: draft.cursor.column, scrollLine: draft.topLine, updatedAt: draft.savedAt))
  }

  func draft(for owner: BufferOwner) throws -> BufferDraft? {
    try store.draft(for: Self.owner(owner)).map(Self.draft)
  }

  func latestDraft() throws -> BufferDraft? { try store.latestDraft().map(Self.draft) }

  func discardDraft(for owner: BufferOwner) throws { try store.discardDraft(for: Self.owner(owner)) }

  func snippetName(_ id: Int64) throws -> String? { try store.snippet(id, includingTrash: true)?.name }

  func recordRun(of owner: BufferOwner, code: String, result: ExecutionResult, startedAt: Date) throws {
    var snippetID: Int64?
    if case .snippet(let id) = owner { snippetID = id }
    try store.recordRun(snippetID: snippetID, code: code, result: result, startedAt: startedAt)
  }

  static func owner(_ owner: BufferOwner) -> DraftOwner {
    switch owner {
    case .snippet(let id): return .snippet(id)
    case .file(let path): return .file(path)
    case .scratch: return .scratch
    }
  }

  static func draft(_ draft: Draft) -> BufferDraft {
    let owner: BufferOwner
    switch draft.owner {
    case .snippet(let id): owner = .snippet(id)
    case .file(let path): owner = .file(path)
    case .scratch: owner = .scratch
    }
    return BufferDraft(
      owner: owner, text: draft.text, cursor: Position(line: draft.cursorLine, column: draft.cursorColumn),
      topLine: draft.scrollLine, savedAt: draft.updatedAt)
  }
}
