import Editor
import Foundation
import Settings
import Store
import Testing

@testable import TUI
@testable import coderemote

/// The browser and the editor together: opening a snippet keeps the buffer left behind, Ctrl-S on
/// a snippet's buffer keeps its code without asking for a file, an old version reopens as one edit.
@Suite("Snippet browser in the editor")
struct BrowserEditorTests {
  let fixture: BrowserFixture
  let ids: [String: Int64]

  init() throws {
    fixture = try BrowserFixture()
    ids = try fixture.corpus()
  }

  func type(_ text: String, into app: App) {
    for character in text { app.handle(.key(character == "\n" ? .enter : .character(character))) }
  }

  @Test("Enter opens the snippet; the scratch text typed before is in its draft")
  func openKeepsTheBufferLeftBehind() throws {
    let app = fixture.app()
    type("unsaved = 1", into: app)
    app.handle(.key(.ctrl("o")))
    #expect(app.layer(SnippetBrowserLayer.self) != nil)
    type("qs", into: app)
    app.handle(.key(.enter))
    #expect(app.layer(SnippetBrowserLayer.self) == nil)
    #expect(app.editor.state.text == "def quicksort(xs):\n    return sorted(xs)\n")
    #expect(app.editor.fileName == "quick sort")
    #expect(!app.editor.isModified)
    #expect(app.library?.owner == .snippet(ids["quick sort"]!))
    #expect(try fixture.store.draft(for: .scratch)?.text == "unsaved = 1")
  }

  @Test("a snippet's draft comes back when it is opened again")
  func draftsComeBack() throws {
    let app = fixture.app()
    #expect(app.openSnippet(ids["hello"]!) == nil)
    app.handle(.key(.modified(.end, .control)))
    type("print(2)\n", into: app)
    #expect(app.openSnippet(ids["fib"]!) == nil)
    #expect(app.openSnippet(ids["hello"]!) == nil)
    #expect(app.editor.state.text == "print('hello')\nprint(2)\n")
    #expect(app.editor.isModified)
  }

  @Test("Ctrl-S on a snippet keeps its code and asks for no file; F2 still writes one")
  func ctrlSCommits() throws {
    let app = fixture.app()
    #expect(app.openSnippet(ids["hello"]!) == nil)
    type("# top\n", into: app)
    app.handle(.key(.ctrl("s")))
    #expect(app.editor.prompt == nil, "no file name asked for")
    #expect(try fixture.store.snippet(ids["hello"]!)?.code == "# top\nprint('hello')\n")
    #expect(!app.editor.isModified)
    #expect(try fixture.store.draft(for: .snippet(ids["hello"]!)) == nil)
    app.handle(.key(.function(2)))
    #expect(app.editor.prompt != nil, "save as asks for a path")
  }

  @Test("an old version opens as one edit over the buffer: ^Z goes back, ^S keeps it")
  func oldVersion() throws {
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    app.handle(.key(.end))
    app.handle(.key(.tab))
    app.handle(.key(.down))
    app.handle(.key(.enter))
    #expect(app.layer(SnippetBrowserLayer.self) == nil)
    #expect(app.editor.state.text == "def fib(n):\n    return n\n")
    #expect(app.editor.isModified)
    app.handle(.key(.ctrl("z")))
    #expect(app.editor.state.text.contains("fib(n - 1)"))
    app.handle(.key(.ctrl("y")))
    app.handle(.key(.ctrl("s")))
    #expect(try fixture.store.snippet(ids["fib"]!)?.code == "def fib(n):\n    return n\n")
  }

  @Test("renaming the snippet the editor holds renames its title")
  func renameFollows() throws {
    let app = fixture.app()
    #expect(app.openSnippet(ids["hello"]!) == nil)
    app.handle(.key(.ctrl("o")))
    app.handle(.key(.function(2)))
    type("!", into: app)
    app.handle(.key(.enter))
    app.handle(.key(.escape))
    #expect(app.editor.fileName == "hello!")
  }

  @Test("^K in the browser copies into the editor's register; ^O and Esc close it")
  func copyAndClose() {
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    app.handle(.key(.ctrl("k")))
    #expect(app.editor.state.register == "print('hello')\n")
    app.handle(.key(.ctrl("o")))
    #expect(app.layer(SnippetBrowserLayer.self) == nil)
    app.handle(.key(.ctrl("o")))
    app.handle(.key(.escape))
    #expect(app.layer(SnippetBrowserLayer.self) == nil)
  }

  @Test("the browser's keys are the keymap's: [keys.browser] rebinds them, and the footer names the new key")
  func browserKeysRebind() throws {
    let app = fixture.app()
    let problems = app.applyKeyBindings([
      KeyBinding(context: "browser", key: "alt-p", command: "browser-pin", line: 1),
      KeyBinding(context: "browser", key: "ctrl-p", command: "none", line: 2),
    ])
    #expect(problems.isEmpty)
    app.handle(.key(.ctrl("o")))
    type("primes", into: app)
    let browser = try #require(app.layer(SnippetBrowserLayer.self))
    #expect(browser.browser.selectedEntry?.name == "primes")
    app.handle(.key(.ctrl("p")))
    #expect(try fixture.store.snippet(ids["primes"]!)?.pinned == false, "^P no longer pins")
    app.handle(.key(.modified(.character("p"), .alt)))
    #expect(try fixture.store.snippet(ids["primes"]!)?.pinned == true, "Alt-P pins")
    app.handle(.key(.down))  // the message "pinned primes" goes at the next key
    let footer = app.render(width: 80, height: 24).0.text.split(separator: "\n").last ?? ""
    #expect(footer.contains("Alt-P pin"), "the footer names the key as bound: \(footer)")
  }

  @Test("F1 over the browser lists its keys first; the palette lists and runs its commands")
  func helpAndPaletteOverTheBrowser() throws {
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    type("fib", into: app)
    app.handle(.key(.function(1)))
    let help = try #require(app.layer(HelpOverlay.self))
    #expect(help.sections.first?.title == "Snippet browser")
    #expect(
      help.sections.first?.entries.contains { $0.keys == "^P" && $0.action == "pin / unpin the snippet" }
        == true)
    app.handle(.key(.escape))
    #expect(app.layer(HelpOverlay.self) == nil)
    let browser = try #require(app.layer(SnippetBrowserLayer.self), "Esc closed the help, not the browser")
    #expect(browser.browser.filter == "fib", "the filter typed before F1 is still there")

    app.handle(.key(.function(9)))
    let palette = try #require(app.layer(CommandPalette.self))
    #expect(!palette.shown.isEmpty && palette.shown.allSatisfy { $0.context == .browser })
    type("browser-pin", into: app)
    #expect(palette.shown.first?.name == "browser-pin")
    app.handle(.key(.enter))
    #expect(app.layer(CommandPalette.self) == nil)
    #expect(try fixture.store.snippet(ids["fib"]!)?.pinned == true, "the palette pinned the selected snippet")
    #expect(app.layer(SnippetBrowserLayer.self) != nil)
  }

  @Test("q types into the filter in the list, and goes back in the run history")
  func qFiltersInTheListAndLeavesTheHistory() throws {
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    let browser = try #require(app.layer(SnippetBrowserLayer.self))
    type("fib", into: app)
    app.handle(.key(.tab))
    guard case .history = browser.browser.mode else {
      Issue.record("Tab did not open the history")
      return
    }
    type("q", into: app)
    #expect(browser.browser.mode == .list)
    #expect(browser.browser.filter == "fib")
    type("q", into: app)
    #expect(browser.browser.filter == "fibq")
  }
}
