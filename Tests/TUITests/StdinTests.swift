import Execution
import Testing

@testable import TUI

/// Typing to a running program from the output pane: lines go through the handle, what is typed is
/// echoed dimmed after the program's prompt, ^D ends the input.
@Suite struct StdinTests {
  /// An app whose program has printed a prompt and waits on its input.
  static func waitingOnInput() async -> (App, ScriptedBackend) {
    let backend = ScriptedBackend(
      events: [.started(id: "test"), .stdout(Array("Name: ".utf8))], staysLive: true)
    let app = App(backend: backend, text: "name = input('Name: ')\nprint('hi', name)\n")
    app.handle(.key(.function(5)))
    await app.settle(until: { app.output.log.lines.first?.text == "Name: " })
    app.handle(.key(.function(6)))
    return (app, backend)
  }

  static func finish(_ backend: ScriptedBackend, app: App) async {
    backend.control.finish([.finished(ScriptedBackend.result(status: .ok, exitCode: 0))])
    await app.settle()
  }

  @Test func theRunKeepsStdinOpenAndTheFieldShows() async {
    let (app, backend) = await Self.waitingOnInput()
    #expect(backend.control.requests.withLock { $0.first?.keepsStdinOpen } == true)
    let screen = app.render(width: 80, height: 24).0.text
    #expect(screen.contains("stdin› "), "\(screen)")
    await Self.finish(backend, app: app)
    #expect(!app.render(width: 80, height: 24).0.text.contains("stdin› "))
  }

  @Test func enterSendsTheLineAndEchoesItDimmedAfterThePrompt() async throws {
    let (app, backend) = await Self.waitingOnInput()
    AppTests.type("Ada", into: app)
    // Nothing is sent before Enter, as a terminal in line mode would.
    #expect(backend.control.stdin.withLock { $0 }.isEmpty)
    #expect(app.output.stdin?.input == "Ada")
    app.handle(.key(.backspace))
    AppTests.type("a\n", into: app)
    #expect(backend.control.stdin.withLock { $0 } == Array("Ada\n".utf8))
    #expect(app.output.log.lines.map(\.text) == ["Name: Ada"])
    let (grid, _) = app.render(width: 80, height: 24)
    let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
    let row = try #require(rows.firstIndex { $0.contains("Name: Ada") })
    let line = rows[row]
    let echo = line.distance(from: line.startIndex, to: try #require(line.range(of: "Ada")).lowerBound)
    let prompt = line.distance(from: line.startIndex, to: try #require(line.range(of: "Name")).lowerBound)
    #expect(grid[echo, row].style.dim, "the echo is not dimmed")
    #expect(!grid[prompt, row].style.dim, "the program's own text is dimmed")
    await Self.finish(backend, app: app)
  }

  @Test func ctrlDSendsWhatIsTypedThenClosesStdin() async {
    let (app, backend) = await Self.waitingOnInput()
    AppTests.type("tail", into: app)
    app.handle(.key(.ctrl("d")))
    #expect(backend.control.stdin.withLock { $0 } == Array("tail".utf8))
    let closed = backend.control.stdinClosed.load(ordering: .relaxed)
    #expect(closed)
    #expect(app.output.stdin == nil)
    // Typed after the end of input: nothing more is sent.
    AppTests.type("more\n", into: app)
    #expect(backend.control.stdin.withLock { $0 } == Array("tail".utf8))
    await Self.finish(backend, app: app)
  }

  @Test func aPasteSendsItsCompleteLines() async {
    let (app, backend) = await Self.waitingOnInput()
    app.handle(.paste("one\ntwo\nthr"))
    #expect(backend.control.stdin.withLock { $0 } == Array("one\ntwo\n".utf8))
    #expect(app.output.stdin?.input == "thr")
    await Self.finish(backend, app: app)
  }

  @Test func theEditorKeepsItsKeysWhileARunReads() async {
    let (app, backend) = await Self.waitingOnInput()
    app.handle(.key(.function(6)))
    AppTests.type("x", into: app)
    #expect(backend.control.stdin.withLock { $0 }.isEmpty)
    #expect(app.editor.state.text.hasPrefix("x"))
    await Self.finish(backend, app: app)
  }

  @Test func theFieldAt40x12And80x24And200x60() async {
    for (width, height) in [(40, 12), (80, 24), (200, 60)] {
      let (app, backend) = await Self.waitingOnInput()
      AppTests.type("Ada\nLove", into: app)
      // Without the status bar: it shows the running time, which a snapshot cannot hold.
      let screen = app.render(width: width, height: height).0.text.split(
        separator: "\n", omittingEmptySubsequences: false)
      Snapshot.assert(screen.dropLast().joined(separator: "\n"), named: "stdin-\(width)x\(height)")
      await Self.finish(backend, app: app)
    }
  }

  @Test func theFieldDecidesWhatEachKeyDoes() {
    var field = StdinField()
    #expect(field.handle(.key(.character("a"))) == [])
    #expect(field.handle(.key(.enter)) == [.send("a\n")])
    #expect(field.handle(.key(.enter)) == [.send("\n")])
    #expect(field.handle(.key(.ctrl("d"))) == [.close])
    #expect(field.handle(.key(.up)) == nil)
    #expect(field.handle(.key(.ctrl("f"))) == nil)
    _ = field.handle(.key(.character("b")))
    _ = field.handle(.key(.ctrl("u")))
    #expect(field.input.isEmpty)
  }

  @Test func anAttachedFileIsTheInputInsteadOfTheField() async {
    let backend = ScriptedBackend(events: AppTests.finished("ok\n"))
    let app = App(backend: backend, text: "print(input())\n")
    app.stdinFile = StdinFile(name: "in.txt", bytes: Array("from file\n".utf8))
    #expect(app.render(width: 100, height: 24).0.text.contains("stdin: in.txt"))
    app.handle(.key(.function(5)))
    #expect(app.output.stdin == nil)
    let request = backend.control.requests.withLock { $0.first }
    #expect(request?.stdin == Array("from file\n".utf8))
    #expect(request?.keepsStdinOpen == false)
    await app.settle()
  }
}
