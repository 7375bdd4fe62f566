import Editor
import Foundation
import Settings
import Testing

@testable import TUI

@Suite struct HelpOverlayTests {
  static let sizes = [(40, 12), (80, 24), (200, 60)]

  @Test(arguments: sizes) func f1OpensTheKeyListAndEscCloses(width: Int, height: Int) {
    let app = App.scripted()
    app.handle(.key(.function(1)))
    #expect(app.layer(HelpOverlay.self) != nil)
    Snapshot.assert(app.render(width: width, height: height).0.text, named: "help-\(width)x\(height)")
    app.handle(.key(.escape))
    #expect(app.layer(HelpOverlay.self) == nil)
    #expect(!app.render(width: 80, height: 24).0.text.contains("Esc or F1 closes"))
  }

  @Test func f1AndQCloseItToo() {
    let app = App.scripted()
    for key in [Key.function(1), .character("q")] {
      app.handle(.key(.function(1)))
      app.handle(.key(key))
      #expect(app.layer(HelpOverlay.self) == nil)
    }
    #expect(app.editor.state.text == "")
  }

  @Test func keysScrollTheHelpNotTheEditor() throws {
    let app = App.scripted()
    app.handle(.key(.function(1)))
    _ = app.render(width: 80, height: 12)
    app.handle(.key(.pageDown))
    app.handle(.key(.character("x")))
    app.handle(.paste("pasted"))
    #expect(app.editor.state.text == "")
    #expect(try #require(app.layer(HelpOverlay.self)).top > 0)
  }

  @Test func theWheelScrollsTheHelpAndClicksDoNotReachThePanes() throws {
    let app = App.scripted()
    app.handle(.key(.function(1)))
    _ = app.render(width: 80, height: 12)
    app.handle(.mouse(MouseEvent(.wheelDown, x: 10, y: 5)))
    app.handle(.mouse(MouseEvent(.press, x: 70, y: 3)))
    #expect(try #require(app.layer(HelpOverlay.self)).top == 3)
    #expect(app.focus == .editor)
  }

  @Test func runStillWorksFromTheHelp() {
    let app = App.scripted()
    app.handle(.key(.function(1)))
    app.handle(.key(.function(5)))
    #expect(app.layer(HelpOverlay.self) == nil)
    #expect(app.isRunning)
  }

  /// The list is the keymap's: a key the user bound shows there.
  @Test func theHelpShowsTheUsersKeys() {
    let app = App.scripted()
    app.applyKeyBindings([KeyBinding(context: nil, key: "alt-w", command: "toggle-wrap", line: 3)])
    let lines = HelpOverlay.lines(app.keymap).map(\.0)
    #expect(lines.contains { $0.contains("^W, Alt-W") && $0.contains("wrap long lines") })
  }

  /// At 40 columns (34 inside the box) as at 80, nothing is cut: every line fits, and every
  /// command's title is there in full, wrapped under or beside its keys.
  @Test(arguments: [34, 74]) func theHelpFitsANarrowBoxInFull(width: Int) {
    let lines = HelpOverlay.lines(Keymap.standard, width: width).map(\.0)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
    let words = lines.joined(separator: " ").split(separator: " ")
    let text = " " + words.joined(separator: " ") + " "
    for command in Keymap.standard.commands where !command.keys.isEmpty {
      #expect(text.contains(" " + command.title + " "), "\(command.name) is cut")
    }
  }
}
