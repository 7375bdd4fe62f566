import Foundation
import Testing

@testable import TUI

@Suite struct StdinAttachTests {
  static func typeLine(_ text: String, into app: App) {
    for character in text { app.handle(.key(.character(character))) }
    app.handle(.key(.enter))
  }

  @Test func altIAsksForAFileAndAttachesIt() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("stdin-\(UUID()).txt").path
    try "3\n4\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let app = App.scripted()
    app.handle(.key(.modified(.character("i"), .alt)))
    #expect(app.layer(LinePrompt.self) != nil)
    Self.typeLine(path, into: app)
    #expect(app.layer(LinePrompt.self) == nil)
    #expect(app.stdinFile == StdinFile(name: path, bytes: Array("3\n4\n".utf8)))
    #expect(app.render(width: 200, height: 24).0.text.contains("stdin: \(path)"))
    app.perform("detach-stdin-file")
    #expect(app.stdinFile == nil)
  }

  @Test func aMissingFileOrADirectoryIsSaidAndThePromptStays() throws {
    let app = App.scripted()
    app.handle(.key(.modified(.character("i"), .alt)))
    Self.typeLine("/no/such/input.txt", into: app)
    let prompt = try #require(app.layer(LinePrompt.self))
    #expect(prompt.error == "/no/such/input.txt: no such file")
    #expect(app.render(width: 80, height: 24).0.text.contains("/no/such/input.txt: no such file"))
    for _ in 0..<40 { app.handle(.key(.backspace)) }
    Self.typeLine("/tmp", into: app)
    #expect(prompt.error == "/tmp is a directory: attach a file")
    app.handle(.key(.escape))
    #expect(app.layer(LinePrompt.self) == nil)
    #expect(app.stdinFile == nil)
  }

  @Test func anUnreadableFileIsSaid() throws {
    guard getuid() != 0 else { return }  // root reads everything
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("locked-\(UUID())").path
    try "x".write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let app = App.scripted()
    #expect(app.attachStdinFile(path)?.hasPrefix("cannot read \(path)") == true)
  }
}
