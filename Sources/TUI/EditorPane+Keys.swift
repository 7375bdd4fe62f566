import Editor

/// From a key to what the editor does: the keymap names the command (`CommandCatalog.editor`),
/// and `perform` carries it out. Typing is not a command: a printable character inserts itself.
extension EditorPane {
  mutating func handleEditorKey(_ key: Key) -> Bool {
    if let name = keymap.command(for: key, in: .editor) { return perform(name) }
    // Control characters (Ctrl-\, Ctrl-]…) are keys nobody means to type into code.
    guard case .character(let character) = key, ControlPicture.substitute(for: character) == nil else {
      return false
    }
    state.apply(.insert(String(character)), at: clock())
    return true
  }

  /// Carries out an editor command; false for a name that is not one.
  @discardableResult
  mutating func perform(_ name: CommandName) -> Bool {
    switch name.rawValue {
    case "find": openPrompt(.find)
    case "replace": openPrompt(.replaceFind)
    case "go-to-line": openPrompt(.goToLine)
    case "save": save()
    case "save-as": saveAs()
    case "find-next": findAgain(.forward)
    case "find-previous": findAgain(.backward)
    default:
      guard let command = editorCommand(name) else { return false }
      if command == .pasteRegister, let text = clipboard.paste(), text != state.register {
        // Something else was copied since: the system clipboard wins, pasted as a paste.
        state.apply(.paste(text), at: clock())
        return true
      }
      state.apply(command, at: clock())
      if command == .copy || command == .cut { clipboard.copy(state.register) }
    }
    return true
  }

  /// The editing core's command for an editor command's name.
  func editorCommand(_ name: CommandName) -> EditorCommand? {
    switch name.rawValue {
    case "undo": return .undo
    case "redo": return .redo
    case "select-all": return .selectAll
    case "cut": return .cut
    case "copy": return .copy
    case "paste": return .pasteRegister
    case "select-word": return .selectWord
    case "select-line": return .selectLine
    case "toggle-comment": return .toggleComment
    case "matching-bracket": return .jumpToMatchingBracket
    case "indent": return .indent
    case "dedent": return .dedent
    case "newline": return .newline
    case "delete-backward": return .backspace
    case "delete-forward": return .deleteForward
    case "drop-selection": return .collapseSelection
    default:
      for (prefix, extend) in [("move-", false), ("select-", true)] where name.rawValue.hasPrefix(prefix) {
        return movement(String(name.rawValue.dropFirst(prefix.count))).map { .move($0, extend: extend) }
      }
      return nil
    }
  }

  private func movement(_ name: String) -> Movement? {
    switch name {
    case "left": .left
    case "right": .right
    case "up": .up
    case "down": .down
    case "word-left": .wordLeft
    case "word-right": .wordRight
    case "line-start": .lineStart
    case "line-end": .lineEnd
    case "page-up": .pageUp(lines: pageHeight)
    case "page-down": .pageDown(lines: pageHeight)
    case "file-start": .documentStart
    case "file-end": .documentEnd
    default: nil
    }
  }
}
