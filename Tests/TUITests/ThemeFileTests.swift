import Editor
import Foundation
import Testing

@testable import TUI

@Suite struct ThemeFileTests {
  static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("themes")

  @Test func shippedDefaultThemeIsTheBuiltInOne() throws {
    let theme = try ThemeFile.load(path: Self.themes.appendingPathComponent("default.toml").path)
    for (name, role) in ThemeFile.roles {
      #expect(theme[keyPath: role] == Theme.standard[keyPath: role], "ui.\(name)")
    }
    for kind in TokenKind.allCases {
      #expect(theme.highlight.style(for: kind) == Theme.standard.highlight.style(for: kind), "\(kind)")
    }
  }

  @Test(arguments: ["light.toml", "dusk.toml"])
  func everyShippedThemeLoads(_ name: String) throws {
    _ = try ThemeFile.load(path: Self.themes.appendingPathComponent(name).path)
  }

  @Test func aThemeNamesOnlyWhatItChanges() throws {
    let theme = try ThemeFile.parse(
      "[ui]\nstderr = { fg = \"bright-red\", underline = true }\n", file: "t.toml")
    #expect(theme.stderr == Style(foreground: .ansi(9), underline: true))
    #expect(theme.gutter == Theme.standard.gutter)
  }

  @Test func coloursInEverySpelling() throws {
    let theme = try ThemeFile.parse(
      "[syntax]\nkeyword = { fg = \"#ff8000\", bg = 17 }\nstring = { fg = \"default\" }\n", file: "t.toml")
    #expect(
      theme.highlight.style(for: .keyword) == Style(foreground: .rgb(255, 128, 0), background: .indexed(17)))
    #expect(theme.highlight.style(for: .string) == Style())
  }

  @Test func mistakesNameTheFileAndKey() {
    let cases: [(String, String?)] = [
      ("[ui]\nstatusbar = {}\n", "ui.statusbar"),
      ("[ui]\ntext = { fg = 300 }\n", "ui.text.fg"),
      ("[ui]\ntext = { fg = \"#12\" }\n", "ui.text.fg"),
      ("[ui]\ntext = { blink = true }\n", "ui.text.blink"),
      ("[syntax]\nkeywords = {}\n", "syntax.keywords"),
      ("[colours]\n", "colours"),
      ("ui = 3\n", "ui"),
      ("[ui\n", nil),
    ]
    for (text, key) in cases {
      #expect(throws: ThemeFile.Failure.self) { try ThemeFile.parse(text, file: "mine.toml") }
      do {
        _ = try ThemeFile.parse(text, file: "mine.toml")
      } catch {
        #expect(error.file == "mine.toml")
        #expect(error.key == key, "\(text)")
        #expect(error.description.hasPrefix("theme mine.toml"))
      }
    }
  }
}

@Suite struct ThemeCatalogTests {
  @Test func findsThemesByNameOnTheSearchPath() throws {
    let theme = try ThemeCatalog.load(
      "light", environment: ["CODEREMOTE_THEME_PATH": ThemeFileTests.themes.path])
    #expect(theme.stderr == Style(foreground: .indexed(160)))
  }

  @Test func defaultIsBuiltIn() throws {
    let theme = try ThemeCatalog.load("default", environment: ["HOME": "/nonexistent"])
    #expect(theme.statusBar == Theme.standard.statusBar)
  }

  @Test func anUnknownNameSaysWhereItLooked() {
    do {
      _ = try ThemeCatalog.load("nope", environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/c"])
      Issue.record("expected a failure")
    } catch {
      #expect(error.description.contains("/c/coderemote/themes"))
    }
  }

  @Test func configDirectoryFollowsXDG() {
    let dirs = ThemeCatalog.directories(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"])
    #expect(dirs.first == "/x/coderemote/themes")
    #expect(dirs.contains("/h/.local/share/coderemote/themes"))
  }
}
