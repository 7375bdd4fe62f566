/// What a user can ask the editor to do, independent of which key asked.
public enum EditorCommand: Hashable, Sendable {
  /// Typed text: replaces the selection; a single bracket or quote may auto-close.
  case insert(String)
  /// Pasted text: inserted as it is, one undo step, no auto-indent or auto-close.
  case paste(String)
  /// Enter: a new line that keeps the indentation, one level deeper after a `:`.
  case newline
  /// Backspace: the selection, a whole indent level in leading whitespace, or one character.
  case backspace
  case deleteForward
  /// Tab: indents the selected lines, or inserts spaces to the next indent stop.
  case indent
  /// Shift-Tab: removes one indent level from the selected lines.
  case dedent
  /// Comments the selected lines out with `# `, or back in when all of them are comments.
  case toggleComment
  /// Moves the cursor; `extend` keeps the anchor, growing the selection (Shift).
  case move(Movement, extend: Bool = false)
  /// Moves to a 1-based line number, to its first non-blank character.
  case goToLine(Int)
  case selectAll, selectWord, selectLine
  /// Drops the selection, leaving the cursor where it is.
  case collapseSelection
  /// Moves to the bracket matching the one at (or just before) the cursor.
  case jumpToMatchingBracket
  /// Cut and copy use the selection, or the whole line when nothing is selected.
  case cut, copy
  /// Pastes the internal register.
  case pasteRegister
  case undo, redo
}

/// Where a cursor movement goes.
public enum Movement: Hashable, Sendable {
  case left, right, up, down
  case wordLeft, wordRight
  /// Smart Home: the first non-blank character, or column 0 when already there.
  case lineStart
  case lineEnd
  case pageUp(lines: Int), pageDown(lines: Int)
  case documentStart, documentEnd
  /// To a 0-based line and the screen column on it (where a mouse click landed); clamped to the
  /// text, on a character boundary.
  case screenPosition(line: Int, column: Int)
}
