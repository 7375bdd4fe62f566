import Editor
import FoundationEssentials

/// The snippet browser over the editor (Ctrl-O), and the editor's side of snippets: opening one
/// (the buffer left behind is autosaved first, so nothing is lost), opening an old version of one,
/// and Ctrl-S on a snippet's buffer, which keeps its code in the database (docs/snippets.md).
extension App {
  /// Links the browser to the snippet database; without one Ctrl-O says there is none.
  public func attachCatalog(_ catalog: any SnippetCatalog) {
    self.catalog = catalog
  }

  /// The snippet the editor holds, if it holds one.
  var currentSnippet: Int64? {
    guard editor.document == nil, let session = library, case .snippet(let id) = session.owner else {
      return nil
    }
    return id
  }

  /// Takes the events the browser wants: all of them while it is open, Ctrl-O, and Ctrl-S on a
  /// snippet's buffer. Returns whether the event was taken.
  func handleBrowser(_ event: InputEvent) -> Bool {
    if var open = browser {
      let outcome = open.handle(event)
      browser = open
      perform(outcome)
      return true
    }
    switch event {
    case .key(.ctrl("o")) where editor.prompt == nil:
      openBrowser()
      return true
    case .key(.ctrl("s")) where focus == .editor && editor.prompt == nil && currentSnippet != nil:
      commitSnippet()
      return true
    default:
      return false
    }
  }

  func openBrowser() {
    guard let catalog else {
      editor.note("no snippet database: the browser needs one (see coderemote doctor)")
      return
    }
    var opened = SnippetBrowser(catalog: catalog, selecting: currentSnippet)
    opened.theme = theme
    opened.now = { [weak self] in self?.library?.date() ?? Date() }
    opened.bufferText = { [weak self] id in
      guard let self, self.currentSnippet == id else { return nil }
      return self.editor.state.text
    }
    browser = opened
  }

  private func perform(_ outcome: SnippetBrowser.Outcome) {
    switch outcome {
    case .stay: break
    case .close:
      browser = nil
      // Renamed in the browser: the title follows.
      if let id = currentSnippet, let entry = try? catalog?.entry(id) { editor.fileName = entry.name }
    case .open(let id):
      if openSnippet(id) { browser = nil }
    case .openVersion(let id, let code, let startedAt):
      guard openSnippet(id) else { return }
      browser = nil
      // One edit over the whole buffer: ^Z goes back to what it held, ^S keeps this version.
      editor.state.apply(.selectAll)
      editor.state.apply(.paste(code))
      editor.state.placeCursor(at: Position(line: 0, column: 0))
      let age = RelativeTime.describe(startedAt, now: library?.date() ?? Date())
      editor.note("the version run \(age): ^S keeps it as the snippet's code, ^Z goes back")
    case .copy(let text):
      editor.clipboard.copy(text)
      editor.state.takeIntoRegister(text)
    }
  }

  /// Puts a snippet in the editor: its draft when it has one (edits not kept yet), else its code.
  /// The buffer it replaces is autosaved first. Returns false (and says why) when it cannot.
  @discardableResult
  func openSnippet(_ id: Int64) -> Bool {
    guard let catalog, let session = library else { return false }
    if currentSnippet == id { return true }
    flushAutosave()
    let code: String
    let name: String
    do {
      guard let entry = try catalog.entry(id), let stored = try catalog.code(of: id) else {
        browser?.message = .init(text: "that snippet is gone (deleted elsewhere?)", isError: true)
        return false
      }
      code = stored
      name = entry.name
    } catch {
      browser?.fail(error)
      return false
    }
    let draft = session.attempt { try session.library.draft(for: .snippet(id)) } ?? nil
    editor.state = EditorState(text: code, settings: editor.state.settings)
    editor.state.markSaved()
    editor.document = nil
    editor.fileName = name
    editor.topLine = 0
    editor.gutterMarks = [:]
    if let draft { editor.restore(draft, text: draft.text != code) }
    session.owner = .snippet(id)
    session.seen = snapshot(owner: session.owner)
    noticeEditForAnalysis()
    return true
  }

  /// Ctrl-S on a snippet's buffer: its text becomes the snippet's code, no file asked for (F2 still
  /// writes a file). The draft then holds nothing more and goes.
  func commitSnippet() {
    guard let id = currentSnippet, let catalog, let session = library else { return }
    do {
      try catalog.commit(id, code: editor.state.text)
    } catch {
      editor.note("not kept: \(error) (the buffer is still here; F2 saves it as a file)")
      return
    }
    editor.state.markSaved()
    session.attempt { try session.library.discardDraft(for: .snippet(id)) }
    session.schedule.saved()
    session.seen = snapshot(owner: session.owner)
    editor.note("kept \(editor.fileName) in the snippet database")
  }

  /// Draws the browser over the whole screen when it is open; returns whether it is.
  func renderBrowser(width: Int, height: Int, into grid: inout Grid) -> (
    open: Bool, cursor: (x: Int, y: Int)?
  ) {
    guard var open = browser else { return (false, nil) }
    let rect = Rect(x: 0, y: 0, width: width, height: height)
    open.theme = theme
    open.fit(in: rect)
    browser = open
    open.render(in: rect, into: &grid)
    return (true, open.cursorLocation(in: rect))
  }
}
