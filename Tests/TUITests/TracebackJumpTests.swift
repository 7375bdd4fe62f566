import Testing

@testable import TUI

/// From a traceback to the code: the frame lines are read, the last error's line is marked in the
/// gutter, F8 and a click on a traceback line go there.
@Suite struct TracebackJumpTests {
  static let traceback = """
    Traceback (most recent call last):
      File "main.py", line 4, in <module>
        f()
      File "main.py", line 2, in f
        import json; json.loads("{")
      File "/usr/lib/python3.12/json/__init__.py", line 346, in loads
    json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes

    """

  @Test func framesOfTheProgramAreFoundAndOthersAreNot() {
    let files: Set = ["main.py"]
    #expect(TracebackLocation.line(in: "  File \"main.py\", line 12, in f", files: files) == 12)
    #expect(TracebackLocation.line(in: "  File \"/usr/lib/x.py\", line 3, in g", files: files) == nil)
    #expect(TracebackLocation.line(in: "  File \"main.py\", line 0, in f", files: files) == nil)
    #expect(TracebackLocation.line(in: "  File \"main.py\", line x", files: files) == nil)
    #expect(TracebackLocation.line(in: "print('File \"main.py\"')", files: files) == nil)
    #expect(TracebackLocation.line(in: "  File \"hello.py\", line 5", files: ["hello.py"]) == 5)
    let lines = Self.traceback.split(separator: "\n").map(String.init)
    #expect(TracebackLocation.lastError(in: lines, files: files) == 2)
  }

  static func failedApp() async -> App {
    let code = "def f():\n    import json; json.loads('{')\n\nf()\n"
    let app = App.scripted(AppTests.finished("", stderr: traceback, status: .error, exit: 1), text: code)
    app.handle(.key(.function(5)))
    await app.settle()
    return app
  }

  @Test func theLastErrorIsMarkedAndF8GoesThere() async {
    let app = await Self.failedApp()
    #expect(app.editor.gutterMarks == [1: .error])
    let (grid, _) = app.render(width: 80, height: 24)
    // The marked line has the error sign in the gutter, in the error style; the others do not.
    let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows[2].hasPrefix(" 2✗"), "\(rows[2])")
    #expect(grid[2, 2].style == app.editor.theme.statusError)
    #expect(!rows[1].contains("✗"))
    app.handle(.key(.function(6)))
    app.handle(.key(.function(8)))
    #expect(app.focus == .editor)
    #expect(app.editor.state.cursor.line == 1)
  }

  @Test func aRunWithoutAnErrorClearsTheMark() async {
    let app = await Self.failedApp()
    let clean = App.scripted(AppTests.finished("ok\n"), text: "print('ok')\n")
    clean.editor.gutterMarks = app.editor.gutterMarks
    clean.handle(.key(.function(5)))
    await clean.settle()
    #expect(clean.editor.gutterMarks.isEmpty)
    clean.handle(.key(.function(8)))
    #expect(clean.editor.message?.contains("no error") == true)
  }

  @Test func clickingATracebackLineJumpsToIt() async {
    let app = await Self.failedApp()
    _ = app.render(width: 80, height: 24)
    let layout = App.layout(width: 80, height: 24)
    // Output row 1 is `  File "main.py", line 4, in <module>`.
    app.handle(.mouse(MouseEvent(.press, x: layout.output.x + 3, y: layout.output.y + 1)))
    #expect(app.focus == .editor)
    #expect(app.editor.state.cursor.line == 3)
    // A line that names no place in the program only focuses the pane.
    app.handle(.mouse(MouseEvent(.press, x: layout.output.x + 3, y: layout.output.y)))
    #expect(app.focus == .output)
    #expect(app.editor.state.cursor.line == 3)
  }

  /// The run names the program after the buffer, and its tracebacks, naming it so, still jump.
  @Test func theRunNamesTheProgramAfterTheBufferAndItsTracebackJumps() async {
    let traceback =
      "Traceback (most recent call last):\n  File \"tally.py\", line 2, in <module>\nNameError\n"
    let backend = ScriptedBackend(events: AppTests.finished("", stderr: traceback, status: .error, exit: 1))
    let app = App(backend: backend, text: "x = 1\nprint(y)\n")
    app.editor.fileName = "tally"  // a snippet's name
    app.handle(.key(.function(5)))
    await app.settle()
    #expect(backend.control.requests.withLock { $0.map(\.displayName) } == ["tally.py"])
    #expect(app.editor.gutterMarks == [1: .error])
    // A scratch buffer runs as main.py.
    let scratch = ScriptedBackend()
    App(backend: scratch).handle(.key(.function(5)))
    #expect(scratch.control.requests.withLock { $0.map(\.displayName) } == ["main.py"])
  }
}
