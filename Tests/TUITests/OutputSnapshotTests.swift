import Testing

@testable import TUI

/// Whole screens with output in the pane, at the three sizes every new state is checked at.
@Suite struct OutputSnapshotTests {
  static let sizes = [(40, 12), (80, 24), (200, 60)]

  static func app(receiving chunks: [(OutputLog.Stream, String)]) -> App {
    let app = App.scripted()
    for (stream, text) in chunks {
      app.receive(.execution(stream == .stdout ? .stdout(Array(text.utf8)) : .stderr(Array(text.utf8))))
    }
    app.handle(.key(.function(6)))
    return app
  }

  static func outputRect(width: Int, height: Int) -> Rect {
    let layout = App.layout(width: width, height: height)
    return Rect(
      x: layout.output.x + 1, y: layout.output.y, width: layout.output.width - 1, height: layout.output.height
    )
  }

  @Test(arguments: sizes) func wrappedOutput(width: Int, height: Int) {
    let long = (1...40).map { "word\($0)" }.joined(separator: "-")
    let app = Self.app(receiving: [(.stdout, "short\n\(long)\nend\n")])
    Snapshot.assert(
      app.render(width: width, height: height).0.text, named: "output-wrapped-\(width)x\(height)")
  }

  @Test(arguments: sizes) func sgrColour(width: Int, height: Int) {
    let app = Self.app(receiving: [
      (.stdout, "\u{1B}[1;32mPASSED\u{1B}[0m test_one\n"),
      (
        .stdout,
        "\u{1B}[31mFAILED\u{1B}[0m \u{1B}[38;5;208mtest_two\u{1B}[0m \u{1B}[38;2;90;160;255mblue\u{1B}[0m\n"
      ),
      (.stderr, "\u{1B}[2mdim note\u{1B}[22m \u{1B}[4munder\u{1B}[24m \u{1B}[3mitalic\u{1B}[0m\n"),
      (.stdout, "[#         ] 10%\r[##########] 100%\n"),
      (.stdout, "title? \u{1B}]0;pwned\u{07} clear? \u{1B}[2J\n"),
    ])
    let (grid, _) = app.render(width: width, height: height)
    let rect = Self.outputRect(width: width, height: height)
    Snapshot.assert(
      grid.text + "\n== output pane styles ==\n"
        + StyleMap.of(grid, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 6)),
      named: "output-sgr-\(width)x\(height)")
  }

  @Test(arguments: sizes) func droppedMark(width: Int, height: Int) {
    let lines = (1...20_050).map { "line \($0)\n" }.joined()
    let app = Self.app(receiving: [(.stdout, "first: the header\n" + lines)])
    app.handle(.key(.home))
    Snapshot.assert(
      app.render(width: width, height: height).0.text, named: "output-dropped-\(width)x\(height)")
  }
}
