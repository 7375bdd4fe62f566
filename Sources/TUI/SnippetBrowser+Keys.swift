/// Keys and the mouse in the browser. A key is looked up in the keymap's context for what is on
/// screen (`browser` for the list, `history` for the run history and its diffs, `prompt` for a
/// name or the tags); typing that no command takes goes to the filter. F1 and the palette keep
/// their global keys here. docs/keybindings.md lists the keys.
extension SnippetBrowser {
  /// The keymap context of what the browser shows now.
  var keyContext: KeyContext {
    switch mode {
    case .list: .browser
    case .prompt: .prompt
    case .history, .diff: .history
    }
  }

  /// The global commands that work over the browser: they open a layer above it.
  static let globalCommands: Set<CommandName> = ["help", "command-palette"]

  mutating func handle(_ event: InputEvent) -> Outcome {
    if case .key = event { message = nil }
    // Once something is pressed, the whole list arriving keeps what is selected then.
    if case .resize = event {} else { awaitedSelection = nil }
    switch (event, mode) {
    case (.key(let key), .prompt(let prompt)): return handlePromptKey(key, prompt)
    case (.key(let key), _):
      if let name = keymap.command(for: key, in: keyContext) { return perform(name) }
      if mode == .list, let edited = Self.edited(filter, by: key) {
        if edited != filter { setFilter(edited) }
      } else if let name = keymap.command(for: key, in: .global), Self.globalCommands.contains(name) {
        return .global(name)
      }
    case (.paste(let text), .list): setFilter(filter + text.filter { !$0.isNewline })
    case (.paste(let text), .prompt(var prompt)):
      prompt.input += text.filter { !$0.isNewline }
      mode = .prompt(prompt)
    case (.mouse(let mouse), .list): return handleListMouse(mouse)
    case (.mouse(let mouse), .history(let history)): return handleHistoryMouse(mouse, history)
    case (.mouse(let mouse), .diff(var diff)):
      guard mouse.action != .press else { break }
      diff.scroll(to: diff.top + (mouse.action == .wheelUp ? -3 : 3), page: pageHeight)
      mode = .diff(diff)
    default: break
    }
    return .stay
  }

  /// Runs a command of the browser's context for what is on screen (a key's, or the palette's).
  mutating func perform(_ name: CommandName) -> Outcome {
    switch mode {
    case .list: performInList(name)
    case .history(let history): performInHistory(name, history)
    case .diff(let diff): performInDiff(name, diff)
    case .prompt: .stay
    }
  }

  /// A line of text after a key that types into it (a printable character) or takes from it
  /// (Backspace); nil for any other key.
  static func edited(_ text: String, by key: Key) -> String? {
    switch key {
    case .backspace: String(text.dropLast())
    case .character(let character)
    where !character.isNewline && character.asciiValue.map({ $0 >= 0x20 && $0 != 0x7F }) ?? true:
      text + String(character)
    default: nil
    }
  }

  private mutating func performInList(_ name: CommandName) -> Outcome {
    switch name.rawValue {
    case "browser-back":
      guard filter.isEmpty else {
        setFilter("")
        return .stay
      }
      return .close
    case "browser-close": return .close
    case "browser-open": return selectedEntry.map { .open($0.id) } ?? .stay
    case "browser-up": select(selected - 1)
    case "browser-down": select(selected + 1)
    case "browser-page-up": select(selected - pageHeight)
    case "browser-page-down": select(selected + pageHeight)
    case "browser-top": select(0)
    case "browser-bottom": select(rows.count - 1)
    case "browser-preview-up": previewTop = max(0, previewTop - 1)
    case "browser-preview-down": previewTop += 1
    case "browser-clear-filter": if !filter.isEmpty { setFilter("") }
    case "browser-sort": setOrder(order.next)
    case "browser-new": mode = .prompt(Prompt(purpose: .create, input: ""))
    case "browser-rename":
      if let entry = selectedEntry { mode = .prompt(Prompt(purpose: .rename(entry.id), input: entry.name)) }
    case "browser-tag":
      if let entry = selectedEntry {
        mode = .prompt(Prompt(purpose: .tag(entry.id), input: entry.tags.joined(separator: " ")))
      }
    case "browser-duplicate": duplicateSelected()
    case "browser-pin": togglePin()
    case "browser-delete": trashSelected()
    case "browser-undo-delete": undoTrash()
    case "browser-copy":
      if let preview, let entry = selectedEntry, entry.id == preview.id {
        message = Message(text: "copied the code of \(entry.name)", isError: false)
        return .copy(preview.code)
      }
    case "browser-history": openHistory()
    default: break
    }
    return .stay
  }

  private mutating func handleListMouse(_ mouse: MouseEvent) -> Outcome {
    let layout = lastLayout
    switch mouse.action {
    case .wheelUp, .wheelDown:
      let lines = mouse.action == .wheelDown ? 3 : -3
      if let preview = layout?.preview, preview.contains(x: mouse.x, y: mouse.y) {
        previewTop = max(0, previewTop + lines)
      } else {
        scroll(by: lines)
      }
    case .press:
      guard let list = layout?.list, list.contains(x: mouse.x, y: mouse.y) else { return .stay }
      let row = top + mouse.y - list.y
      guard rows.indices.contains(row) else { return .stay }
      // A second click on the row a click selected (a double click among them) opens it.
      defer { lastClick = row }
      if row == selected, lastClick == row, let entry = selectedEntry { return .open(entry.id) }
      select(row)
    }
    return .stay
  }

  /// A line of input (a name, the tags): Enter and Esc as the keymap's prompt keys say; Backspace
  /// and ^U edit it, as in every prompt.
  private mutating func handlePromptKey(_ key: Key, _ prompt: Prompt) -> Outcome {
    var prompt = prompt
    switch keymap.command(for: key, in: .prompt)?.rawValue {
    case "prompt-cancel":
      mode = .list
      return .stay
    case "prompt-accept":
      mode = .list
      finish(prompt)
      return .stay
    default: break
    }
    if key == .ctrl("u") {
      prompt.input = ""
    } else if let edited = Self.edited(prompt.input, by: key) {
      prompt.input = edited
    }
    mode = .prompt(prompt)
    return .stay
  }
}
