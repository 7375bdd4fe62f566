import Testing

@testable import TUI

/// Which terminfo entry the screen is drawn with, from TERM, COLORTERM and what terminfo has.
@Suite struct TerminalChoiceTests {
  /// A terminfo with these entries and colour counts.
  static let installed: [String: Int] = [
    "xterm": 8, "xterm-256color": 256, "screen": 8, "tmux-256color": 256, "vt100": -1,
    "xterm-direct": 1 << 24,
  ]

  static func choose(_ environment: [String: String], installed: [String: Int] = installed) -> TerminalChoice?
  {
    TerminalChoice.choose(environment: environment) { installed[$0] }
  }

  @Test func aKnownTermIsUsedAsItIs() {
    #expect(
      Self.choose(["TERM": "screen"]) == TerminalChoice(entry: "screen", colorMode: .ansi8, notice: nil))
    #expect(Self.choose(["TERM": "tmux-256color"])?.colorMode == .indexed256)
  }

  @Test func anUnknownTermFallsBackToABasicOneAndSaysSo() throws {
    let choice = try #require(Self.choose(["TERM": "foot-extra"]))
    #expect(choice.entry == "xterm")
    #expect(choice.colorMode == .ansi8)
    #expect(
      choice.notice?.contains("TERM=foot-extra is not a terminal terminfo knows: drawing as xterm") == true)
    #expect(Self.choose([:])?.notice?.hasPrefix("TERM is not set") == true)
    let withoutXterm = Self.installed.filter { $0.key != "xterm" }
    #expect(Self.choose(["TERM": "nope"], installed: withoutXterm)?.entry == "vt100")
    #expect(Self.choose(["TERM": "nope"], installed: withoutXterm)?.colorMode == ColorMode.none)
    #expect(Self.choose(["TERM": "nope"], installed: [:]) == nil)
  }

  @Test func colortermTruecolorTakesTheDirectColourTwinWhenThereIsOne() {
    #expect(
      Self.choose(["TERM": "xterm-256color", "COLORTERM": "truecolor"])
        == TerminalChoice(entry: "xterm-direct", colorMode: .truecolor, notice: nil))
    // No tmux-direct installed: 256 colours, as terminfo can say no more.
    #expect(Self.choose(["TERM": "tmux-256color", "COLORTERM": "truecolor"])?.entry == "tmux-256color")
    #expect(
      Self.choose(["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"])?.colorMode
        == ColorMode.none)
  }
}
