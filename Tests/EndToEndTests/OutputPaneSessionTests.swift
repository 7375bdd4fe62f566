import Foundation
import Testing

/// The output pane in a real terminal: a view held while a program streams, and output that tries
/// to steer the terminal, under every TERM value the key tests use (8 colours to 256, tmux's own).
@Suite(.serialized) struct OutputPaneSessionTests {
  @Test(arguments: TerminalKeysTests.terms) func aScrolledBackViewHoldsWhileTheProgramStreams(term: String)
    throws
  {
    let tmux = try EditorSessionTests.startEditor(term: term)
    // Enter after ':' indents the loop's body.
    try tmux.type("import time\nfor i in range(300):\nprint('line', i, flush=True)\ntime.sleep(0.01)")
    try tmux.press("F5")
    try tmux.waitFor { EditorSessionTests.outputPane($0).contains("line 40") }
    try tmux.press("F6", "PPage")
    // The held view, once two captures in a row agree: capture-pane can catch tmux halfway through
    // a frame (the title says "held" while rows below are still the previous frame's).
    // The stdin field's row goes with the run: the held lines stay where they were above it.
    var previous: [String] = []
    let held = try tmux.waitFor { screen in
      let lines = EditorSessionTests.outputPane(screen).filter { !$0.hasPrefix("stdin›") }
      defer { previous = lines }
      return screen.contains("held") && lines == previous
    }
    let heldLines = previous
    #expect(held.contains("● running"), "the run ended before the view was held:\n\(held)")
    // The run goes on to its end; the held view does not move.
    let finished = try tmux.waitFor(timeout: 30) { $0.contains("✓ ok") }
    #expect(
      Array(EditorSessionTests.outputPane(finished).prefix(heldLines.count)) == heldLines,
      "the view moved:\n\(finished)")
    #expect(!EditorSessionTests.outputPane(finished).contains("line 299"))
    // End follows again: the last line shows.
    try tmux.press("End")
    try tmux.waitFor { EditorSessionTests.outputPane($0).contains("line 299") && !$0.contains("held") }
    // (Not Esc right before ^Q: a lone Esc waits for what follows, as Alt's prefix.)
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  @Test(arguments: TerminalKeysTests.terms) func escapeSequencesInOutputStayInertButColoursShow(term: String)
    throws
  {
    let tmux = try EditorSessionTests.startEditor(term: term)
    let titleBefore = try tmux.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}")
    // A window title (OSC 0 and 2), a clipboard write (OSC 52), a clear and a cursor move, then colour.
    try tmux.type(
      #"print('A\x1b]0;pwned-title\x07B\x1b]2;pwned-two\x1b\\C\x1b]52;c;cHduZWQ=\x07D\x1b[2J\x1b[HE')"#
        + "\n" + #"print('\x1b[31mred\x1b[0m plain')"#)
    try tmux.press("F5")
    let screen = try tmux.waitFor { $0.contains("✓ ok") }
    let pane = EditorSessionTests.outputPane(screen)
    #expect(pane.first?.hasPrefix("A␛]0;pwned-title^GB␛]2;pwned-two␛") == true, "screen:\n\(screen)")
    #expect(pane.contains("red plain"), "SGR codes were not interpreted:\n\(screen)")
    // The screen is still the editor's: nothing was cleared or moved.
    #expect(screen.contains("main.py") && screen.contains("Analysis") && screen.contains("Ln "))
    let titleAfter = try tmux.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}")
    #expect(titleAfter == titleBefore)
    #expect(!titleAfter.contains("pwned"))
    // The colour reached the terminal as colour (capture-pane -e keeps SGR).
    let coloured = try tmux.tmux("capture-pane", "-p", "-e", "-t", "e2e")
    #expect(coloured.contains("\u{1B}[31mred"), "no red in:\n\(coloured.debugDescription)")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }

  @Test(arguments: TerminalKeysTests.terms) func aProgramReadsWhatIsTypedInTheOutputPane(term: String) throws
  {
    let tmux = try EditorSessionTests.startEditor(term: term)
    try tmux.type("name = input('Name: ')\nprint('hello', name)")
    try tmux.press("F5")
    try tmux.waitFor { $0.contains("stdin›") && EditorSessionTests.outputPane($0).first == "Name:" }
    try tmux.press("F6")
    try tmux.type("Ada")
    try tmux.press("Enter")
    let screen = try tmux.waitFor { $0.contains("✓ ok") }
    #expect(
      Array(EditorSessionTests.outputPane(screen).prefix(2)) == ["Name: Ada", "hello Ada"], "\(screen)")
    // The echo is dimmed (SGR 2), the program's own text is not.
    let coloured = try tmux.tmux("capture-pane", "-p", "-e", "-t", "e2e")
    #expect(coloured.contains("\u{1B}[2mAda"), "no dimmed echo in:\n\(coloured.debugDescription)")
    try tmux.press("F6")
    try EditorSessionTests.quitDiscardingChanges(tmux)
  }
}
