import Editor
import Foundation
import Testing

@testable import TUI

/// Opening and saving files from the editor: atomic, lossless, refusing what is not UTF-8.
@Suite final class EditorDocumentTests {
  /// A fresh directory per test, removed afterwards.
  let directory: String

  init() throws {
    directory = NSTemporaryDirectory() + "editor-doc-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func write(_ bytes: [UInt8], to name: String) -> String {
    let path = directory + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  func read(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

  @Test func savesAtomicallyKeepingCRLFAndTheFinalNewline() throws {
    let path = write(Array("a = 1\r\nb = 2\r\n".utf8), to: "crlf.py")
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: path)
    #expect(pane.state.text == "a = 1\nb = 2\n")
    #expect(!pane.isModified)
    _ = pane.handle(.key(.character("#")))
    #expect(pane.isModified)
    _ = pane.handle(.key(.ctrl("s")))
    #expect(read(path) == Array("#a = 1\r\nb = 2\r\n".utf8))
    #expect(!pane.isModified)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(leftovers == ["crlf.py"])
  }

  @Test func keepsTheFilesPermissionsAndAMissingFinalNewline() throws {
    let path = write(Array("x = 1".utf8), to: "script.py")
    chmod(path, 0o750)
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: path)
    _ = pane.handle(.key(.end))
    _ = pane.handle(.key(.character("0")))
    _ = pane.handle(.key(.ctrl("s")))
    #expect(read(path) == Array("x = 10".utf8))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o750)
  }

  @Test func savingThroughASymlinkKeepsTheLink() throws {
    let target = write(Array("a".utf8), to: "target.py")
    let link = directory + "/link.py"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    var pane = EditorPane(state: EditorState(), fileName: "x")
    try pane.open(path: link)
    _ = pane.handle(.key(.character("b")))
    _ = pane.handle(.key(.ctrl("s")))
    #expect(read(target) == Array("ba".utf8))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
  }

  @Test func refusesTextThatIsNotUTF8() {
    let path = write([0x61, 0x0A, 0xC3, 0x28], to: "latin.py")
    var pane = EditorPane(state: EditorState(text: "kept"), fileName: "x")
    #expect(throws: DocumentFile.Failure.self) { try pane.open(path: path) }
    #expect(pane.state.text == "kept")
  }

  @Test func ctrlSWithoutAFileAsksForAName() {
    var pane = EditorPane(state: EditorState(text: "print(1)\n"), fileName: "main.py")
    _ = pane.handle(.key(.ctrl("s")))
    let path = directory + "/new.py"
    _ = pane.handle(.paste(path))
    _ = pane.handle(.key(.enter))
    #expect(read(path) == Array("print(1)\n".utf8))
    #expect(pane.fileName == "new.py")
  }

  @Test func aMissingFileOpensEmpty() throws {
    var pane = EditorPane(state: EditorState(text: "x"), fileName: "x")
    try pane.open(path: directory + "/absent.py")
    #expect(pane.state.text == "")
    #expect(pane.document?.path == directory + "/absent.py")
  }
}

@Suite struct DocumentOpenFailureTests {
  @Test func aDirectoryIsRefusedPlainly() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "doc-dir-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(throws: DocumentFile.Failure.unreadable(path: directory.path, reason: "it is a directory")) {
      _ = try DocumentFile.open(directory.path)
    }
  }
}
