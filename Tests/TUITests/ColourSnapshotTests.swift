import Execution
import Testing

@testable import TUI

/// Screens as an 8-colour terminal and a NO_COLOR one show them: the text, then one letter per
/// cell naming its look, then what each letter is (colour numbers as the terminal gets them).
@Suite struct ColourSnapshotTests {
  static func styled(_ grid: Grid, mode: ColorMode) -> String {
    var letters: [String: Character] = [:]
    var legend: [String] = []
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var map: [String] = []
    for y in 0..<grid.height {
      var row = ""
      for x in 0..<grid.width {
        let style = grid[x, y].style
        var look = "fg=\(mode.terminalColor(style.foreground)) bg=\(mode.terminalColor(style.background))"
        let attributes = [
          (style.bold, "bold"), (style.reverse, "reverse"), (style.underline, "underline"),
          (style.dim, "dim"),
          (style.italic, "italic"),
        ]
        for (on, name) in attributes where on { look += " " + name }
        if letters[look] == nil {
          let letter = alphabet[min(letters.count, alphabet.count - 1)]
          letters[look] = letter
          legend.append("\(letter) \(look)")
        }
        row.append(letters[look]!)
      }
      map.append(row)
    }
    return grid.text + "\n--- looks ---\n" + map.joined(separator: "\n") + "\n--- legend ---\n"
      + legend.joined(separator: "\n")
  }

  /// A screen with something of every kind: highlighted code, a failed run's stderr, the find
  /// prompt with the current match selected and another one marked.
  static func screen(mode: ColorMode, width: Int, height: Int) async -> Grid {
    let code = "# greet\ndef f(name):\n    print(\"hi\", name)\n    return 42\n\nf(\"x\")\nprint(1)\n"
    let app = App(
      backend: ScriptedBackend(
        events: AppTests.finished("hi x\n", stderr: "Traceback: boom\n", status: .error, exit: 1)),
      text: code, theme: Theme.standard.adapted(to: mode))
    app.handle(.key(.function(5)))
    await app.settle()
    app.handle(.key(.ctrl("f")))
    for character in "print" { app.handle(.key(.character(character))) }
    return app.render(width: width, height: height).0
  }

  static let sizes = [(40, 12), (80, 24), (200, 60)]

  @Test(arguments: [ColorMode.ansi8, .none], sizes)
  func snapshot(mode: ColorMode, size: (Int, Int)) async {
    let grid = await Self.screen(mode: mode, width: size.0, height: size.1)
    let name = mode == .none ? "no-color" : "8-colour"
    Snapshot.assert(Self.styled(grid, mode: mode), named: "\(name)-\(size.0)x\(size.1)")
  }

  @Test(arguments: [ColorMode.ansi8, .none])
  func theSelectionAndTheOtherMatchLookDifferent(mode: ColorMode) async {
    let grid = await Self.screen(mode: mode, width: 80, height: 24)
    let theme = Theme.standard.adapted(to: mode)
    #expect(grid.cells.contains { $0.style == theme.selection })
    #expect(grid.cells.contains { $0.style == theme.searchMatch })
    #expect(theme.selection != theme.searchMatch)
  }
}
