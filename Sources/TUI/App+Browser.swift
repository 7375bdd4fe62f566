import Editor
import FoundationEssentials
import Processes

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

  /// Ctrl-O (the command `open-snippet-browser`): the browser over the screen, on the snippet the
  /// editor holds if it holds one.
  func openSnippetBrowser() {
    guard let catalog else {
      editor.note("no snippet database: the browser needs one (autosave is off too)")
      return
    }
    if layer(SnippetBrowserLayer.self) != nil { return }
    var browser = SnippetBrowser(catalog: catalog, selecting: currentSnippet)
    browser.theme = theme
    browser.now = { [weak self] in self?.library?.date() ?? Date() }
    browser.bufferText = { [weak self] id in
      guard let self, self.currentSnippet == id else { return nil }
      return self.editor.state.text
    }
    let read = browser.takeListRead()
    push(SnippetBrowserLayer(browser))
    if let read { readSnippetList(read) }
  }

  /// Reads the browser's whole list and indexes it on a thread of its own (the first page is on
  /// screen meanwhile; the read blocks in SQLite, so not on the cooperative pool, which runs'
  /// events need); it comes back through the inbox, to `receiveSnippetList`.
  func readSnippetList(_ read: SnippetListRead) {
    guard let catalog else { return }
    let inbox = self.inbox
    DetachedThread.start {
      let result = Result<SnippetList, any Error> {
        SnippetList(try catalog.entries(order: read.order, limit: nil))
      }
      inbox.post(.snippetList(read, result))
    }
  }

  /// Whether the open browser still shows its first page while the whole list is read (for
  /// drivers without the app loop: benchmarks wait on the inbox until it is in).
  public var isReadingSnippetList: Bool {
    layer(SnippetBrowserLayer.self).map { !$0.browser.isComplete } ?? false
  }

  func receiveSnippetList(_ read: SnippetListRead, _ result: Result<SnippetList, any Error>) {
    layer(SnippetBrowserLayer.self)?.browser.receive(read, result)
  }

  /// The browser closed: a snippet renamed there renames the editor's title.
  func browserClosed() {
    if let id = currentSnippet, let entry = try? catalog?.entry(id) { editor.fileName = entry.name }
  }

  func copyToClipboard(_ text: String) {
    editor.clipboard.copy(text)
    editor.state.takeIntoRegister(text)
  }

  /// An old version of a snippet in its buffer, as one edit: ^Z goes back to what the buffer held,
  /// ^S keeps this version. Returns why not, when it cannot.
  func openVersion(of id: Int64, code: String, startedAt: Date) -> String? {
    if let failure = openSnippet(id) { return failure }
    editor.state.apply(.selectAll)
    editor.state.apply(.paste(code))
    editor.state.placeCursor(at: Position(line: 0, column: 0))
    let age = RelativeTime.describe(startedAt, now: library?.date() ?? Date())
    editor.note("the version run \(age): ^S keeps it as the snippet's code, ^Z goes back")
    return nil
  }

  /// Ctrl-S (the editor's `save`) on a snippet's buffer keeps its code; returns whether it was
  /// one. The app asks before the editor would ask for a file name.
  func saveTakenBySnippet(_ event: InputEvent) -> Bool {
    guard focus == .editor, editor.prompt == nil, currentSnippet != nil, case .key(let key) = event,
      keymap.command(for: key, in: .editor) == "save"
    else { return false }
    commitSnippet()
    return true
  }

  /// Puts a snippet in the editor: its draft when it has one (edits not kept yet), else its code.
  /// The buffer it replaces is autosaved first. Returns why not, when it cannot.
  func openSnippet(_ id: Int64) -> String? {
    guard let catalog, let session = library else { return "no snippet database" }
    if currentSnippet == id { return nil }
    flushAutosave()
    let code: String
    let name: String
    do {
      guard let entry = try catalog.entry(id), let stored = try catalog.code(of: id) else {
        return "that snippet is gone (deleted by another editor?)"
      }
      code = stored
      name = entry.name
    } catch {
      return "snippet store: \(error)"
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
    return nil
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
}
