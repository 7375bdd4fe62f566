import Testing

@testable import TUI

@Suite struct ColorModeTests {
  @Test func noColorWins() {
    #expect(ColorMode.detect(environment: ["NO_COLOR": "1"], hasColors: true, colors: 256) == .none)
    #expect(ColorMode.detect(environment: ["NO_COLOR": ""], hasColors: true, colors: 256) == .indexed256)
  }

  @Test func paletteSizeChoosesTheMode() {
    #expect(ColorMode.detect(environment: [:], hasColors: true, colors: 8) == .ansi16)
    #expect(ColorMode.detect(environment: [:], hasColors: false, colors: 0) == .none)
  }

  @Test func truecolorMapsToTheNearestPaletteEntry() {
    #expect(ColorMode.indexed256.terminalColor(.rgb(255, 0, 0)) == 196)
    #expect(ColorMode.indexed256.terminalColor(.rgb(128, 128, 128)) == 244)
    #expect(ColorMode.ansi16.terminalColor(.rgb(250, 250, 250)) == 15)
    #expect(ColorMode.ansi16.terminalColor(.indexed(196)) == 9)
  }

  @Test func defaultStaysDefault() {
    #expect(ColorMode.indexed256.terminalColor(.default) == -1)
    #expect(ColorMode.none.terminalColor(.indexed(3)) == -1)
  }
}
