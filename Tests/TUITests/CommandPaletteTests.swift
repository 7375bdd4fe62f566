import Testing

@testable import TUI

@Suite struct CommandPaletteTests {
  static let sizes = [(40, 12), (80, 24), (200, 60)]

  @Test func theFilterTakesLettersInOrderBestFirst() {
    #expect(FuzzyMatch.score("svas", in: "save-as") != nil)
    #expect(FuzzyMatch.score("sa", in: "as") == nil)
    #expect(FuzzyMatch.score("", in: "anything") == 0)
    let names = ["toggle-wrap", "save-output", "save", "save-as", "select-all"]
    #expect(FuzzyMatch.filter(names, by: "save", text: { $0 }) == ["save", "save-as", "save-output"])
    // Word starts beat scattered letters.
    #expect(FuzzyMatch.filter(["select-all", "save-as"], by: "sa", text: { $0 }).first == "save-as")
    #expect(FuzzyMatch.filter(names, by: "TW", text: { $0 }) == ["toggle-wrap"])
  }

  @Test func typeToFilterAndEnterRuns() throws {
    let app = App.scripted(text: "print(1)")
    app.handle(.key(.function(9)))
    let palette = try #require(app.layer(CommandPalette.self))
    for character in "selall" { app.handle(.key(.character(character))) }
    #expect(palette.shown.first?.name == "select-all")
    app.handle(.key(.enter))
    #expect(app.layer(CommandPalette.self) == nil)
    #expect(app.editor.state.selectedText == "print(1)")
  }

  @Test func altXOpensItTooAndEscClosesWithoutRunning() {
    let app = App.scripted()
    app.handle(.key(.modified(.character("x"), .alt)))
    #expect(app.layer(CommandPalette.self) != nil)
    app.handle(.key(.character("q")))
    app.handle(.key(.escape))
    #expect(app.layer(CommandPalette.self) == nil)
    #expect(!app.shouldQuit)
    #expect(app.editor.state.text == "")
  }

  @Test func aPaneCommandFocusesItsPane() {
    let app = App.scripted()
    app.handle(.key(.function(9)))
    for character in "toggle-wrap" { app.handle(.key(.character(character))) }
    app.handle(.key(.enter))
    #expect(app.focus == .output)
    #expect(!app.output.wrap)
  }

  @Test func arrowsChooseAndRowsShowTheKeys() throws {
    let app = App.scripted()
    app.handle(.key(.function(9)))
    for character in "run" { app.handle(.key(.character(character))) }
    let screen = app.render(width: 100, height: 24).0.text
    #expect(screen.contains("F5 ^R"))
    let palette = try #require(app.layer(CommandPalette.self))
    #expect(palette.shown.first?.name == "run", "\(palette.shown.prefix(3).map(\.name))")
    app.handle(.key(.down))
    #expect(palette.chosen == 1)
    app.handle(.key(.up))
    app.handle(.key(.enter))
    #expect(app.isRunning)
  }

  @Test(arguments: sizes) func snapshot(width: Int, height: Int) {
    let app = App.scripted(text: "print('hi')")
    app.handle(.key(.function(9)))
    Snapshot.assert(app.render(width: width, height: height).0.text, named: "palette-\(width)x\(height)")
    for character in "sav" { app.handle(.key(.character(character))) }
    Snapshot.assert(
      app.render(width: width, height: height).0.text, named: "palette-filtered-\(width)x\(height)")
  }

  @Test func themesAreCommandsThatSwitchAtRunTime() {
    let app = App.scripted()
    var light = Theme.standard
    light.text = Style(foreground: .ansi(0), background: .ansi(15))
    app.offerThemes(["default", "light"]) { name in
      guard name == "light" else { throw ThemeFile.Failure(file: name, key: nil, problem: "not here") }
      return light
    }
    app.handle(.key(.function(9)))
    for character in "theme-light" { app.handle(.key(.character(character))) }
    app.handle(.key(.enter))
    #expect(app.theme.text == light.text)
    #expect(app.editor.theme.text == light.text)
    app.perform("theme-default")
    #expect(app.theme.text == light.text)
    #expect(app.editor.message?.contains("cannot switch to the default theme") == true)
  }
}
