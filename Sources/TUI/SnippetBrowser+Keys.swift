/// Keys and the mouse in the browser. Typing goes to the filter, so the actions are on control and
/// function keys (docs/keybindings.md lists them).
extension SnippetBrowser {
  mutating func handle(_ event: InputEvent) -> Outcome {
    if case .key = event { message = nil }
    switch mode {
    case .list: return handleInList(event)
    case .prompt(let prompt): return handleInPrompt(event, prompt)
    case .history(let history): return handleInHistory(event, history)
    case .diff(let diff): return handleInDiff(event, diff)
    }
  }

  private mutating func handleInList(_ event: InputEvent) -> Outcome {
    switch event {
    case .key(let key): return handleListKey(key)
    case .paste(let text):
      setFilter(filter + text.filter { !$0.isNewline })
      return .stay
    case .mouse(let mouse): return handleListMouse(mouse)
    case .resize: return .stay
    }
  }

  private mutating func handleListKey(_ key: Key) -> Outcome {
    switch key {
    case .escape:
      guard filter.isEmpty else {
        setFilter("")
        return .stay
      }
      return .close
    case .ctrl("o"), .ctrl("q"): return .close
    case .enter: return selectedEntry.map { .open($0.id) } ?? .stay
    case .up: select(selected - 1)
    case .down: select(selected + 1)
    case .pageUp: select(selected - pageHeight)
    case .pageDown: select(selected + pageHeight)
    case .home, .modified(.home, _): select(0)
    case .end, .modified(.end, _): select(rows.count - 1)
    case .modified(.up, _): previewTop = max(0, previewTop - 1)
    case .modified(.down, _): previewTop += 1
    case .backspace:
      if !filter.isEmpty { setFilter(String(filter.dropLast())) }
    case .ctrl("u"): setFilter("")
    case .ctrl("s"), .function(3): setOrder(order.next)
    case .ctrl("n"): mode = .prompt(Prompt(purpose: .create, input: ""))
    case .function(2):
      if let entry = selectedEntry { mode = .prompt(Prompt(purpose: .rename(entry.id), input: entry.name)) }
    case .ctrl("t"):
      if let entry = selectedEntry {
        mode = .prompt(Prompt(purpose: .tag(entry.id), input: entry.tags.joined(separator: " ")))
      }
    case .ctrl("d"): duplicateSelected()
    case .ctrl("p"): togglePin()
    case .delete: trashSelected()
    case .ctrl("z"): undoTrash()
    case .ctrl("k"), .ctrl("c"):
      if let preview, selectedEntry?.id == preview.id {
        message = Message(text: "copied the code of \(selectedEntry!.name)", isError: false)
        return .copy(preview.code)
      }
    case .tab: openHistory()
    case .character(let character)
    where !character.isNewline && character.asciiValue.map({ $0 >= 0x20 }) ?? true:
      setFilter(filter + String(character))
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

  private mutating func handleInPrompt(_ event: InputEvent, _ prompt: Prompt) -> Outcome {
    var prompt = prompt
    switch event {
    case .key(.escape):
      mode = .list
      return .stay
    case .key(.enter):
      mode = .list
      finish(prompt)
      return .stay
    case .key(.backspace): prompt.input = String(prompt.input.dropLast())
    case .key(.ctrl("u")): prompt.input = ""
    case .key(.character(let character)) where character.asciiValue.map({ $0 >= 0x20 }) ?? true:
      prompt.input.append(character)
    case .paste(let text): prompt.input += text.filter { !$0.isNewline }
    default: return .stay
    }
    mode = .prompt(prompt)
    return .stay
  }
}
