import Editor
import Testing

@testable import TUI

/// Cut, copy and paste reaching past the editor's register.
@Suite struct EditorClipboardTests {
  final class FakeSystemClipboard: @unchecked Sendable {
    var text: String?
  }

  @Test func copyAndCutReachTheSystemClipboardAndPasteReadsIt() {
    let system = FakeSystemClipboard()
    var pane = EditorPane(state: MarkedText.state("«ab|c"), fileName: "t.py")
    pane.clipboard = Clipboard(name: "fake", copy: { system.text = $0 }, paste: { system.text })
    _ = pane.handle(.key(.ctrl("k")))
    #expect(system.text == "ab")
    system.text = "from elsewhere"
    _ = pane.handle(.key(.end))
    _ = pane.handle(.key(.ctrl("v")))
    #expect(pane.state.text == "abcfrom elsewhere")
  }

  @Test func aCopiedLineStillPastesAsALineWhenTheClipboardHoldsIt() {
    let system = FakeSystemClipboard()
    var pane = EditorPane(state: MarkedText.state("one\nt|wo"), fileName: "t.py")
    pane.clipboard = Clipboard(name: "fake", copy: { system.text = $0 }, paste: { system.text })
    _ = pane.handle(.key(.ctrl("k")))
    _ = pane.handle(.key(.ctrl("v")))
    #expect(pane.state.text == "one\ntwo\ntwo")
  }

  @Test func overSSHCopyIsAnOSC52Sequence() {
    let terminal = FakeSystemClipboard()
    let clipboard = Clipboard.detect(environment: ["SSH_TTY": "/dev/pts/1"]) { terminal.text = $0 }
    clipboard.copy("hi")
    #expect(clipboard.name == "osc52")
    #expect(terminal.text == "\u{1B}]52;c;aGk=\u{07}")
    #expect(Clipboard.detect(environment: ["PATH": "/nonexistent"]) { _ in }.name == "internal")
  }
}
