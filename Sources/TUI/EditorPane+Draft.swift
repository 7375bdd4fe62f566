import Editor
import FoundationEssentials

/// The editor as autosave sees it: what a draft records, and a draft put back.
extension EditorPane {
  func draft(of owner: BufferOwner, at date: Date) -> BufferDraft {
    BufferDraft(owner: owner, text: state.text, cursor: state.cursor, topLine: topLine, savedAt: date)
  }

  /// Puts a draft's cursor and view back; with `text`, its text too, as unsaved changes (the file
  /// on disk, if any, does not have them, so Ctrl-S is still needed).
  mutating func restore(_ draft: BufferDraft, text: Bool) {
    if text {
      state = EditorState(text: draft.text, settings: state.settings)
      state.markUnsaved()
    }
    state.placeCursor(at: draft.cursor)
    topLine = min(max(0, draft.topLine), max(0, state.lineCount - 1))
  }
}
