import Foundation
import Testing

/// Saving in the real binary: a new buffer whose suggested name is taken asks before replacing it.
@Suite(.serialized) struct SaveSessionTests {
  @Test(arguments: TerminalKeysTests.terms)
  func theOverwritePromptGuardsAnExistingMainPy(term: String) throws {
    let directory = NSTemporaryDirectory() + "save-e2e-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let existing = directory + "/main.py"
    try "precious = True\n".write(toFile: existing, atomically: true, encoding: .utf8)
    let tmux = try EditorSessionTests.startEditor(command: "cd \(directory) && \(Binary.path)", term: term)

    try tmux.type("x = 1")
    try tmux.press("C-s")
    try tmux.waitFor { $0.contains("Save as: main.py") }
    try tmux.press("Enter")
    let question = try tmux.waitFor { $0.contains("Overwrite? (y/n)") }
    #expect(question.contains("main.py exists"), "screen:\n\(question)")
    try tmux.press("n")
    try tmux.waitFor { $0.contains("Save as: main.py") }
    try tmux.press("Escape")
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "precious = True\n")

    try tmux.press("C-s")
    try tmux.waitFor { $0.contains("Save as: main.py") }
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("Overwrite? (y/n)") }
    try tmux.press("y")
    try tmux.waitFor { $0.contains("saved") }
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "x = 1\n")
    // Saved: one Ctrl-Q quits.
    try tmux.press("C-q")
    try EditorSessionTests.expectCleanShell(tmux)
  }
}
