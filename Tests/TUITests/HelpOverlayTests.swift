import Foundation
import Testing

@testable import TUI

@Suite struct HelpOverlayTests {
  @Test func f1OpensTheKeyListAndEscCloses() {
    let app = App.scripted()
    app.handle(.key(.function(1)))
    Snapshot.assert(app.render(width: 80, height: 24).0.text, named: "help-80x24")
    app.handle(.key(.escape))
    #expect(app.help == nil)
    #expect(!app.render(width: 80, height: 24).0.text.contains("Esc or F1 closes"))
  }

  @Test func keysScrollTheHelpNotTheEditor() {
    let app = App.scripted()
    app.handle(.key(.function(1)))
    _ = app.render(width: 80, height: 12)
    app.handle(.key(.pageDown))
    app.handle(.key(.character("x")))
    #expect(app.editor.state.text == "")
    #expect(app.help?.top ?? 0 > 0)
  }

  @Test func runStillWorksFromTheHelp() {
    let app = App.scripted()
    app.handle(.key(.function(1)))
    app.handle(.key(.function(5)))
    #expect(app.help == nil)
    #expect(app.isRunning)
  }

  /// Every key F1 lists is documented in docs/keybindings.md.
  @Test func everyKeyIsDocumented() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/keybindings.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    for section in KeyHelp.sections {
      for (keys, _) in section.entries {
        for key in keys.split(whereSeparator: { $0 == "," || $0 == " " }) {
          #expect(text.contains(key), "docs/keybindings.md does not mention \(key)")
        }
      }
    }
  }
}
