import Editor
import Execution
import FoundationEssentials

/// Autosave, the draft offered back, and the run history, through the `SnippetLibrary` the
/// executable hands in. Without one (tests, a database that cannot be opened) the editor works as
/// before and keeps nothing.
extension App {
  /// Links the editor to a library. With a file open, its draft is looked up: edits the file does
  /// not have are offered (restore or discard); otherwise only the cursor and view come back.
  /// With no file, the editor reopens where it last was: that file, snippet or scratch buffer.
  public func attach(_ library: any SnippetLibrary) {
    let session = LibrarySession(library: library, owner: .scratch)
    self.library = session
    if editor.document == nil, let latest = session.attempt({ try library.latestDraft() }) ?? nil {
      resume(latest, in: session)
    } else {
      session.owner = LibrarySession.owner(of: editor, current: .scratch)
      if case .file = session.owner,
        let draft = session.attempt({ try library.draft(for: session.owner) }) ?? nil
      {
        offerOrPlace(draft, in: session)
      }
    }
    session.seen = snapshot(owner: session.owner)
  }

  private func resume(_ draft: BufferDraft, in session: LibrarySession) {
    session.owner = draft.owner
    switch draft.owner {
    case .file(let path):
      do {
        try editor.open(path: path)
        offerOrPlace(draft, in: session)
      } catch {
        // The file went or cannot be read: its draft stays for when it can be opened again.
        session.owner = .scratch
        editor.note("\(error)")
      }
    case .snippet(let id):
      editor.restore(draft, text: true)
      editor.fileName =
        session.attempt({ try session.library.snippetName(id) }).flatMap { $0 } ?? "snippet \(id)"
    case .scratch:
      editor.restore(draft, text: true)
      // Scratch text is kept by autosave, not a file: it is not "unsaved" in the quit sense.
      editor.state.markSaved()
    }
  }

  /// The file's draft: offered when it differs from the file, else just its cursor and view.
  private func offerOrPlace(_ draft: BufferDraft, in session: LibrarySession) {
    if draft.text == editor.state.text {
      editor.restore(draft, text: false)
    } else {
      session.offered = draft
    }
  }

  func snapshot(owner: BufferOwner) -> LibrarySession.Snapshot {
    .init(owner: owner, version: editor.state.version, cursor: editor.state.cursor, topLine: editor.topLine)
  }

  /// One turn of autosave: notices a change to the buffer and writes the draft when it is due.
  public func autosaveIfDue() {
    guard let session = library, session.offered == nil else { return }
    let owner = LibrarySession.owner(of: editor, current: session.owner)
    if owner != session.owner {
      // Saved under a name (or another one): the old owner's draft is that file's now.
      let old = session.owner
      session.attempt { try session.library.discardDraft(for: old) }
      session.owner = owner
    }
    let now = session.now()
    let current = snapshot(owner: owner)
    if current != session.seen {
      session.seen = current
      session.schedule.changed(at: now)
    }
    if session.schedule.isDue(at: now) { writeDraft(session) }
  }

  /// How long the loop may sleep before autosave has something to write; nil: until an event.
  public var autosaveWait: Duration? {
    guard let session = library, session.offered == nil, let deadline = session.schedule.deadline else {
      return nil
    }
    return max(.zero, deadline - session.now())
  }

  /// Writes what is pending now (quitting).
  public func flushAutosave() {
    guard let session = library, session.offered == nil else { return }
    autosaveIfDue()
    if session.schedule.deadline != nil { writeDraft(session) }
  }

  private func writeDraft(_ session: LibrarySession) {
    let draft = editor.draft(of: session.owner, at: session.date())
    if session.attempt({ try session.library.saveDraft(draft) }) != nil {
      session.schedule.saved()
    } else {
      session.schedule.failed(at: session.now())
    }
  }

  // MARK: The offered draft

  /// While a draft is offered, R restores it and D discards it; ^Q still quits (keeping it).
  /// Returns whether the event was taken.
  func handleLibraryOffer(_ event: InputEvent) -> Bool {
    guard let session = library, let draft = session.offered else { return false }
    switch event {
    case .key(.character("r")), .key(.character("R")):
      editor.restore(draft, text: true)
    case .key(.character("d")), .key(.character("D")):
      guard session.attempt({ try session.library.discardDraft(for: draft.owner) }) != nil else {
        return true
      }
    case .key(.ctrl("q")), .resize: return false
    default: return true
    }
    session.offered = nil
    session.seen = nil
    return true
  }

  /// What the status bar says for the library, if anything: the offered draft's question, or the
  /// last failure.
  var libraryNotice: String? {
    guard let session = library else { return nil }
    if let draft = session.offered {
      let age = RelativeTime.describe(draft.savedAt, now: session.date())
      return "\(editor.fileName) has unsaved edits from \(age): R restores them, D discards them"
    }
    return session.failure.map { $0 + " (the buffer is still here)" }
  }

  // MARK: Runs

  func libraryRunStarted(code: String) {
    guard let session = library else { return }
    session.run = (session.owner, code, session.date())
  }

  func libraryRunFinished(_ result: ExecutionResult) {
    guard let session = library, let run = session.run else { return }
    session.run = nil
    session.attempt {
      try session.library.recordRun(of: run.owner, code: run.code, result: result, startedAt: run.startedAt)
    }
  }
}
