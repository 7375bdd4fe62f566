/// What the browser changes in the database: new, rename, tag, duplicate, pin, delete and its undo.
/// Each is committed when it returns; a failure says why and changes nothing.
extension SnippetBrowser {
  /// Carries out an answered prompt.
  mutating func finish(_ prompt: Prompt) {
    let input = prompt.input.trimmingSpaces
    switch prompt.purpose {
    case .create:
      guard !input.isEmpty else {
        message = Message(text: "a snippet needs a name: nothing was made", isError: true)
        return
      }
      attempt("made \(input)") { catalog in
        try catalog.create(name: input, code: "", tags: [])
      }
    case .rename(let id):
      guard !input.isEmpty else {
        message = Message(text: "a name cannot be empty: the old one stays", isError: true)
        return
      }
      attempt("renamed to \(input)") { catalog in
        try catalog.rename(id, to: input)
        return id
      }
    case .tag(let id):
      let tags = input.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
      attempt(tags.isEmpty ? "tags removed" : "tagged " + tags.joined(separator: " ")) { catalog in
        try catalog.setTags(id, tags)
        return id
      }
    }
  }

  mutating func duplicateSelected() {
    guard let entry = selectedEntry else { return }
    attempt("duplicated \(entry.name)") { catalog in try catalog.duplicate(entry.id) }
  }

  mutating func togglePin() {
    guard let entry = selectedEntry else { return }
    attempt(entry.pinned ? "unpinned \(entry.name)" : "pinned \(entry.name)") { catalog in
      try catalog.setPinned(entry.id, !entry.pinned)
      return entry.id
    }
  }

  /// Delete moves to the trash; the selection stays where it was (on the next snippet).
  mutating func trashSelected() {
    guard let entry = selectedEntry else { return }
    do {
      try catalog.trash(entry.id)
    } catch {
      fail(error)
      return
    }
    pushTrashed(entry)
    let row = selected
    reload(keeping: nil)
    select(row)
    message = Message(text: "\(entry.name) moved to the trash: Ctrl-Z puts it back", isError: false)
  }

  mutating func undoTrash() {
    guard let entry = popTrashed() else {
      message = Message(text: "nothing deleted to put back", isError: false)
      return
    }
    do {
      try catalog.restore(entry.id)
    } catch {
      pushTrashed(entry)
      fail(error)
      return
    }
    reload(keeping: entry.id)
    if selectedEntry?.id != entry.id {
      // Hidden by the filter: show everything, so what came back is seen.
      setFilter("")
      reload(keeping: entry.id)
    }
    message = Message(text: "\(entry.name) is back", isError: false)
  }

  /// Runs a change, then reloads the list with the snippet it returns selected.
  private mutating func attempt(_ done: String, _ change: (any SnippetCatalog) throws -> Int64) {
    do {
      let id = try change(catalog)
      reload(keeping: id)
      if selectedEntry?.id != id {
        setFilter("")
        reload(keeping: id)
      }
      message = Message(text: done, isError: false)
    } catch {
      fail(error)
    }
  }
}

extension String {
  /// Without spaces and tabs at either end.
  var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
