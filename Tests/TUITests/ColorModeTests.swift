import Editor
import Foundation
import Testing

@testable import TUI

@Suite struct ColorModeTests {
  @Test func noColorWins() {
    #expect(ColorMode.detect(environment: ["NO_COLOR": "1"], colors: 256) == .none)
    #expect(ColorMode.detect(environment: ["NO_COLOR": ""], colors: 256) == .indexed256)
  }

  @Test func paletteSizeChoosesTheMode() {
    #expect(ColorMode.detect(environment: [:], colors: 8) == .ansi8)
    #expect(ColorMode.detect(environment: [:], colors: 16) == .ansi16)
    #expect(ColorMode.detect(environment: [:], colors: 88) == .ansi16)
    #expect(ColorMode.detect(environment: [:], colors: 256) == .indexed256)
    #expect(ColorMode.detect(environment: [:], colors: 1 << 24) == .truecolor)
    #expect(ColorMode.detect(environment: [:], colors: 0) == .none)
    #expect(ColorMode.detect(environment: [:], colors: -1) == .none)
  }

  @Test func colortermAsksForTheDirectColourEntry() {
    #expect(ColorMode.terminalAsksForTruecolor(environment: ["COLORTERM": "truecolor"]))
    #expect(ColorMode.terminalAsksForTruecolor(environment: ["COLORTERM": "24bit"]))
    #expect(!ColorMode.terminalAsksForTruecolor(environment: ["COLORTERM": "1"]))
    #expect(ColorMode.directColorEntry(for: "xterm-256color") == "xterm-direct")
    #expect(ColorMode.directColorEntry(for: "tmux-256color") == "tmux-direct")
    #expect(ColorMode.directColorEntry(for: "xterm-direct") == nil)
  }

  @Test func eightColoursNeverUseTheBrightHalf() {
    // The bug: 8-colour terminals were treated as 16, and colours 8–15 came out black on black.
    for index in 0...255 {
      #expect((0...7).contains(ColorMode.ansi8.terminalColor(.indexed(UInt8(index)))), "colour \(index)")
    }
    #expect(ColorMode.ansi8.terminalColor(.ansi(9)) == 1)
    #expect(ColorMode.ansi8.terminalColor(.indexed(203)) == 1, "a red stays red")
    #expect(ColorMode.ansi8.terminalColor(.indexed(114)) == 2, "a pastel green stays green")
    #expect(ColorMode.ansi8.terminalColor(.indexed(236)) == 0)
    #expect(ColorMode.ansi8.terminalColor(.indexed(252)) == 7)
  }

  @Test func nearestColoursKeepTheirHue() {
    #expect(ColorMode.indexed256.terminalColor(.rgb(255, 0, 0)) == 196)
    #expect(ColorMode.indexed256.terminalColor(.rgb(128, 128, 128)) == 244)
    #expect(ColorMode.ansi16.terminalColor(.rgb(250, 250, 250)) == 15)
    #expect(ColorMode.ansi16.terminalColor(.indexed(196)) == 9)
    #expect(ColorMode.ansi16.terminalColor(.indexed(114)) == 10)
    #expect(ColorMode.ansi16.terminalColor(.indexed(25)) == 4)
    #expect(ColorMode.ansi16.terminalColor(.ansi(3)) == 3)
  }

  @Test func truecolorPassesRGBThrough() {
    #expect(ColorMode.truecolor.terminalColor(.rgb(0x12, 0x34, 0x56)) == 0x123456)
    #expect(ColorMode.truecolor.terminalColor(.ansi(1)) == 1)
    #expect(ColorMode.truecolor.terminalColor(.indexed(196)) == 0xFF0000)
    #expect(ColorMode.truecolor.terminalColor(.rgb(0, 0, 1)) >= 8, "below 8 would be an ANSI colour")
  }

  @Test func defaultStaysDefault() {
    #expect(ColorMode.indexed256.terminalColor(.default) == -1)
    #expect(ColorMode.none.terminalColor(.indexed(3)) == -1)
  }
}

/// Every shipped theme at every colour depth: nothing may vanish into its background.
@Suite struct ThemeDepthTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("themes")

  static var shipped: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".toml") }.sorted()
  }

  static func load(_ name: String) throws -> Theme {
    try ThemeFile.load(path: directory.appendingPathComponent(name).path)
  }

  /// What the terminal is finally told for a style.
  struct Look: Equatable {
    var foreground: Int32
    var background: Int32
    var attributes: [Bool]
    init(_ style: Style, _ mode: ColorMode) {
      foreground = mode.terminalColor(style.foreground)
      background = mode.terminalColor(style.background)
      attributes = [style.bold, style.reverse, style.underline, style.dim, style.italic]
    }
  }

  @Test func atLeastFourThemesShip() {
    #expect(Self.shipped.count >= 4, "\(Self.shipped)")
    for name in ["default.toml", "light.toml", "high-contrast.toml", "solarized-dark.toml"] {
      #expect(Self.shipped.contains(name))
    }
  }

  @Test(arguments: shipped, ColorMode.allCases)
  func noRoleEndsWithItsTextTheColourOfItsBackground(_ name: String, mode: ColorMode) throws {
    let theme = try Self.load(name).adapted(to: mode)
    let range: ClosedRange<Int32> =
      switch mode {
      case .none: -1 ... -1
      case .ansi8: -1...7
      case .ansi16: -1...15
      case .indexed256: -1...255
      case .truecolor: -1...0xFF_FFFF
      }
    var styles = ThemeFile.roles.map { ("ui.\($0.key)", theme[keyPath: $0.value]) }
    styles += TokenKind.allCases.map { ("syntax.\($0)", theme.highlight.style(for: $0)) }
    for (role, style) in styles {
      let look = Look(style, mode)
      #expect(range.contains(look.foreground) && range.contains(look.background), "\(name) \(mode) \(role)")
      if look.background != -1 {
        #expect(
          look.foreground != -1 && look.foreground != look.background, "\(name) \(mode) \(role): \(look)")
      }
    }
  }

  @Test(arguments: shipped, ColorMode.allCases)
  func selectionAndMatchesStayVisibleAndApart(_ name: String, mode: ColorMode) throws {
    let theme = try Self.load(name).adapted(to: mode)
    let text = Look(theme.text, mode)
    let selection = Look(theme.selection, mode)
    let match = Look(theme.searchMatch, mode)
    #expect(selection != text, "\(name) \(mode)")
    #expect(match != text, "\(name) \(mode)")
    #expect(match != selection, "\(name) \(mode)")
    if mode == .none {
      #expect(theme.selection.reverse && theme.searchMatch.reverse, "NO_COLOR marks with reverse video")
      #expect(theme.paneTitleFocused.reverse && theme.statusBar.reverse)
    }
  }
}
