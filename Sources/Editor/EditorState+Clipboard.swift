/// Cut, copy and paste through the internal register. With nothing selected, cut and copy take the
/// whole line, and such a line pastes back above the cursor's line (as in micro and VS Code).
extension EditorState {
  mutating func copy() {
    if selection.isEmpty {
      let line = storage.line(containing: selection.head)
      register = storage.line(line) + "\n"
      registerIsLinewise = true
    } else {
      register = selectedText
      registerIsLinewise = false
    }
  }

  mutating func cut(at time: Duration?) {
    copy()
    if selection.isEmpty {
      let line = storage.line(containing: selection.head)
      let start = storage.lineStart(line)
      var end = storage.lineStart(line + 1)
      var cutStart = start
      if end == storage.byteCount && storage.lineRange(line).upperBound == end && line > 0 {
        // The last line has no newline of its own: take the one before it instead.
        cutStart = start - 1
        end = storage.byteCount
      }
      perform(.delete(cutStart..<end), kind: .standalone, time: time, selectionAfter: .cursor(cutStart))
    } else {
      replaceSelection(with: "", kind: .standalone, time: time)
    }
  }

  /// Puts text into the register, as the TUI does with the system clipboard's contents.
  public mutating func setRegister(_ text: String) {
    register = text
    registerIsLinewise = false
  }

  mutating func pasteRegister(at time: Duration?) {
    guard !register.isEmpty else { return }
    guard registerIsLinewise && selection.isEmpty else {
      return replaceSelection(with: register, kind: .standalone, time: time)
    }
    let start = storage.lineStart(storage.line(containing: selection.head))
    let after = Selection.cursor(selection.head + register.utf8.count)
    perform(.insert(register, at: start), kind: .standalone, time: time, selectionAfter: after)
  }
}

extension EditorState {
  /// Puts text copied elsewhere (the output pane) in the register, for paste-register.
  public mutating func takeIntoRegister(_ text: String) {
    register = text
    registerIsLinewise = false
  }
}
