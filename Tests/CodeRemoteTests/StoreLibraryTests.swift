import Editor
import Execution
import Foundation
import Sandbox
import Store
import Testing

@testable import TUI
@testable import coderemote

/// Autosave, the offered draft and the run history through the real adapter over a real SQLite
/// file in a temporary directory.
@Suite("Store library", .serialized)
final class StoreLibraryTests {
  let directory = NSTemporaryDirectory() + "coderemote-library-" + UUID().uuidString
  var databasePath: String { directory + "/coderemote.db" }
  /// The autosave clock the apps see, moved by hand.
  nonisolated(unsafe) var now: Duration = .zero

  init() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func store() throws -> SnippetStore { try SnippetStore.open(path: databasePath) }

  /// A fresh editor (like a new start) on the test's database, opening `file` if given.
  func startEditor(file: String? = nil, backend: any ExecutionBackend = LocalBackend()) throws -> App {
    let app = App(backend: backend)
    if let file { try app.editor.open(path: file) }
    app.attach(StoreLibrary(try store()))
    app.library?.now = { [unowned self] in self.now }
    return app
  }

  func type(_ text: String, into app: App) {
    for character in text { app.handle(.key(character == "\n" ? .enter : .character(character))) }
  }

  /// Lets autosave see the change, then moves the clock past its deadline.
  func settleAutosave(_ app: App) {
    app.autosaveIfDue()
    now += AutosaveSchedule.longest
    app.autosaveIfDue()
  }

  @Test func draftsRoundTripForEveryOwner() throws {
    let library = StoreLibrary(try store())
    let date = Date(timeIntervalSince1970: 1_796_000_000)
    for owner in [BufferOwner.scratch, .file("/tmp/a b.py"), .snippet(7)] {
      let draft = BufferDraft(
        owner: owner, text: "x = 'é'\n", cursor: Position(line: 0, column: 5), topLine: 0, savedAt: date)
      try library.saveDraft(draft)
      #expect(try library.draft(for: owner) == draft)
      try library.discardDraft(for: owner)
      #expect(try library.draft(for: owner) == nil)
    }
    #expect(try library.latestDraft() == nil)
  }

  @Test func typingIsSavedAfterAPauseAndTheNextStartReopensIt() throws {
    let app = try startEditor()
    type("print(1)\nprint(2)", into: app)
    app.autosaveIfDue()
    #expect(try store().draft(for: .scratch) == nil, "saved before the pause")
    now += AutosaveSchedule.pause
    app.autosaveIfDue()
    #expect(try store().draft(for: .scratch)?.text == "print(1)\nprint(2)")

    let again = try startEditor()
    #expect(again.editor.state.text == "print(1)\nprint(2)")
    #expect(again.editor.state.cursor == Position(line: 1, column: 8))
    #expect(!again.editor.isModified)
  }

  @Test func steadyTypingIsStillSavedEverySecond() throws {
    let app = try startEditor()
    var typed = ""
    // A key every 100 ms never pauses for 300 ms; the draft may lag by at most a second.
    for index in 0..<25 {
      type("a", into: app)
      typed += "a"
      app.autosaveIfDue()
      let saved = try store().draft(for: .scratch)?.text ?? ""
      #expect(
        typed.count - saved.count <= 11, "at step \(index) the draft holds \(saved.count) of \(typed.count)")
      now += .milliseconds(100)
    }
    #expect(app.autosaveWait != nil)
  }

  @Test func aFilesUnsavedEditsAreOfferedAndRestored() throws {
    let file = directory + "/main.py"
    try "x = 1\n".write(toFile: file, atomically: true, encoding: .utf8)
    let app = try startEditor(file: file)
    #expect(app.libraryNotice == nil)
    app.handle(.key(.modified(.end, .control)))
    type("y = 2\n", into: app)
    app.flushAutosave()
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "x = 1\n", "autosave wrote the file")

    let again = try startEditor(file: file)
    #expect(again.editor.state.text == "x = 1\n")
    #expect(again.libraryNotice?.contains("main.py has unsaved edits") == true)
    // Typing does not answer it, and nothing overwrites the draft meanwhile.
    type("zzz", into: again)
    settleAutosave(again)
    #expect(again.editor.state.text == "x = 1\n")
    again.handle(.key(.character("r")))
    #expect(again.editor.state.text == "x = 1\ny = 2\n")
    #expect(again.editor.isModified)
    #expect(again.libraryNotice == nil)
  }

  @Test func discardingTheOfferedDraftKeepsTheFile() throws {
    let file = directory + "/main.py"
    try "x = 1\n".write(toFile: file, atomically: true, encoding: .utf8)
    let app = try startEditor(file: file)
    type("# note\n", into: app)
    app.flushAutosave()
    let again = try startEditor(file: file)
    again.handle(.key(.character("d")))
    #expect(again.editor.state.text == "x = 1\n")
    #expect(try store().draft(for: .file(file))?.text != "# note\nx = 1\n")
    #expect(try startEditor(file: file).libraryNotice == nil)
  }

  @Test func withoutAFileTheLastFileReopensWithItsOffer() throws {
    let file = directory + "/last.py"
    try "a = 1\n".write(toFile: file, atomically: true, encoding: .utf8)
    let app = try startEditor(file: file)
    type("b", into: app)
    app.flushAutosave()
    let again = try startEditor()
    #expect(again.editor.document?.path == file)
    #expect(again.libraryNotice?.contains("last.py has unsaved edits") == true)
  }

  @Test func savingTheScratchBufferAsAFileMovesItsDraft() throws {
    let app = try startEditor()
    type("print('kept')\n", into: app)
    app.flushAutosave()
    #expect(try store().draft(for: .scratch) != nil)
    app.editor.document = DocumentFile(path: directory + "/named.py", isNew: true)
    app.flushAutosave()
    #expect(try store().draft(for: .scratch) == nil)
    #expect(try store().draft(for: .file(directory + "/named.py"))?.text == "print('kept')\n")
  }

  @Test func everyRunIsRecordedAgainstTheSnippetAndItsCode() async throws {
    let snippet = try store().save(NewSnippet(name: "hello", code: "print('v1')\n"))
    try StoreLibrary(try store()).saveDraft(
      BufferDraft(
        owner: .snippet(snippet.id), text: "print('v2')\n", cursor: .zero, topLine: 0, savedAt: Date()))
    let app = try startEditor()
    #expect(app.editor.fileName == "hello")
    app.handle(.key(.function(5)))
    // Waits off the cooperative pool: the run's events are forwarded by a task on it.
    while app.isRunning, await app.inbox.waitForPost() { app.drainInbox() }
    let runs = try store().runs(of: snippet.id)
    #expect(runs.count == 1)
    #expect(runs.first?.code == "print('v2')\n")
    #expect(runs.first?.result.status == .ok)
    #expect(runs.first.map { String(decoding: $0.result.stdout, as: UTF8.self) } == "v2\n")
  }

  /// A real full disk: a 512 KiB tmpfs under the database. Needs root to mount.
  @Test(.enabled(if: getuid() == 0)) func aFullDiskIsShownAndTheBufferStays() throws {
    #expect(mount("tmpfs", directory, "tmpfs", 0, "size=512k") == 0)
    defer { umount2(directory, Int32(MNT_DETACH)) }
    let app = try startEditor()
    let big = String(repeating: "x = 'abcdefghijklmnopqrstuvwxyz'\n", count: 40_000)
    app.handle(.paste(big))
    app.flushAutosave()
    #expect(app.libraryNotice?.contains("full") == true, "\(app.libraryNotice ?? "no notice")")
    #expect(app.editor.state.text == big)
    // Once there is room again (a smaller buffer), the next save goes through and the notice goes.
    app.handle(.key(.ctrl("a")))
    app.handle(.key(.backspace))
    type("small", into: app)
    settleAutosave(app)
    #expect(app.libraryNotice == nil)
    #expect(try store().draft(for: .scratch)?.text == "small")
  }
}
