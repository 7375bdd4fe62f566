import Editor
import Foundation
import Testing

@testable import TUI

/// Saving never loses anything silently: a taken name is asked about, a failed save-as asks again,
/// a file changed on disk is not overwritten without a choice, a read-only file asks for a name.
@Suite final class EditorSaveTests {
  let directory: String

  init() throws {
    directory = NSTemporaryDirectory() + "editor-save-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func write(_ text: String, to name: String) -> String {
    let path = directory + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  func press(_ keys: Key..., into pane: inout EditorPane) {
    for key in keys { _ = pane.handle(.key(key)) }
  }

  func type(_ text: String, into pane: inout EditorPane) {
    for character in text { _ = pane.handle(.key(.character(character))) }
  }

  /// A new buffer, saved under a name that is taken, into a prompt filled with that path.
  func newBufferSaving(as path: String) -> EditorPane {
    var pane = EditorPane(state: EditorState(text: "print(1)\n"), fileName: "main.py")
    press(.ctrl("s"), into: &pane)
    _ = pane.handle(.paste(path))
    press(.enter, into: &pane)
    return pane
  }

  @Test func aNewBufferAsksBeforeReplacingAnExistingFile() {
    let path = write("precious\n", to: "main.py")
    var pane = newBufferSaving(as: path)
    #expect(pane.prompt?.purpose == .confirmOverwrite(path: path))
    #expect(read(path) == "precious\n")
    press(.character("n"), into: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    #expect(pane.prompt?.input == path)
    #expect(read(path) == "precious\n")
    press(.enter, into: &pane)
    press(.character("y"), into: &pane)
    #expect(pane.prompt == nil)
    #expect(read(path) == "print(1)\n")
    #expect(!pane.isModified)
  }

  @Test func onlyYReplacesAndOnlyRUOrEscAnswerTheChangedFileQuestion() throws {
    let path = write("precious\n", to: "main.py")
    var pane = newBufferSaving(as: path)
    press(.enter, into: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    #expect(read(path) == "precious\n")

    var loaded = EditorPane(state: EditorState(), fileName: "x")
    try loaded.open(path: path)
    type("#", into: &loaded)
    _ = write("theirs\n", to: "main.py")
    press(.ctrl("s"), .character("x"), .enter, .down, .character("y"), into: &loaded)
    #expect(loaded.prompt?.purpose == .changedOnDisk(path: path))
    #expect(read(path) == "theirs\n")
  }

  @Test func aFailedSaveAsAsksAgainAndDoesNotStick() {
    let missing = directory + "/no/such/dir/x.py"
    var pane = newBufferSaving(as: missing)
    #expect(pane.prompt?.purpose == .saveAs)
    #expect(pane.prompt?.input == missing)
    #expect(pane.prompt?.error?.contains("No such file or directory") == true)
    #expect(pane.document == nil)
    press(.escape, into: &pane)
    // The next Ctrl-S asks again instead of retrying the doomed path.
    press(.ctrl("s"), into: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    let good = directory + "/x.py"
    _ = pane.handle(.paste(good))
    press(.enter, into: &pane)
    #expect(pane.prompt == nil)
    #expect(read(good) == "print(1)\n")
    #expect(pane.document?.path == good)
  }

  @Test func aFileChangedOnDiskOffersReloadOverwriteAndCancel() throws {
    let path = write("a = 1\n", to: "changed.py")
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: path)
    type("#", into: &pane)
    _ = write("a = 2  # from another program\n", to: "changed.py")
    press(.ctrl("s"), into: &pane)
    #expect(pane.prompt?.purpose == .changedOnDisk(path: path))
    #expect(read(path) == "a = 2  # from another program\n")
    press(.escape, into: &pane)
    #expect(pane.prompt == nil)
    #expect(pane.isModified)
    #expect(read(path) == "a = 2  # from another program\n")

    press(.ctrl("s"), .character("o"), into: &pane)
    #expect(read(path) == "#a = 1\n")
    #expect(!pane.isModified)

    _ = write("b = 3\n", to: "changed.py")
    type("x", into: &pane)
    press(.ctrl("s"), .character("r"), into: &pane)
    #expect(pane.state.text == "b = 3\n")
    #expect(!pane.isModified)
    // Reloaded, the file is the one on disk again: the next save needs no question.
    type("#", into: &pane)
    press(.ctrl("s"), into: &pane)
    #expect(pane.prompt == nil)
    #expect(read(path) == "#b = 3\n")
  }

  @Test func savingTwiceNeedsNoQuestion() throws {
    let path = write("a\n", to: "twice.py")
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: path)
    for round in 0..<3 {
      type("\(round)", into: &pane)
      press(.ctrl("s"), into: &pane)
      #expect(pane.prompt == nil)
    }
    #expect(read(path) == "012a\n")
  }

  @Test func saveAsOnF2AndAltSSuggestsTheCurrentPath() throws {
    let path = write("a\n", to: "first.py")
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: path)
    press(.function(2), into: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    #expect(pane.prompt?.input == path)
    press(.escape, .modified(.character("s"), .alt), into: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    let copy = directory + "/second.py"
    _ = pane.handle(.paste(copy))
    press(.enter, into: &pane)
    #expect(read(copy) == "a\n")
    #expect(pane.fileName == "second.py")
    // Saving as the file it was loaded from needs no question.
    press(.function(2), .enter, into: &pane)
    #expect(pane.prompt == nil)
  }

  @Test func aReadOnlyFileSaysSoAndSavingAsksForAName() throws {
    let path = write("a\n", to: "locked.py")
    chmod(path, 0o444)
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: path)
    #expect(pane.message?.contains("read-only") == true)
    #expect(pane.title == "locked.py [read-only]")
    type("#", into: &pane)
    press(.ctrl("s"), into: &pane)
    #expect(pane.prompt?.purpose == .saveAs)
    #expect(pane.prompt?.error?.contains("read-only") == true)
    #expect(read(path) == "a\n")
    // The same name again is a replacement that must be confirmed.
    press(.enter, into: &pane)
    #expect(pane.prompt?.purpose == .confirmOverwrite(path: path))
  }

  @Test func theTitleMarksUnsavedChangesAndUndoingBackClearsTheMark() throws {
    let path = write("a\n", to: "marked.py")
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: path)
    #expect(pane.title == "marked.py")
    type("xy", into: &pane)
    #expect(pane.title == "marked.py *")
    press(.ctrl("z"), into: &pane)
    #expect(!pane.isModified)
    #expect(pane.title == "marked.py")
    press(.ctrl("y"), into: &pane)
    #expect(pane.isModified)
    press(.ctrl("s"), into: &pane)
    #expect(!pane.isModified)
    // Typing right after the save is a change of its own, undone back to the saved text.
    type("z", into: &pane)
    #expect(pane.isModified)
    press(.ctrl("z"), into: &pane)
    #expect(!pane.isModified)
    #expect(pane.state.text == "xya\n")
  }
}
