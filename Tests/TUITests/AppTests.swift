import Execution
import Testing

@testable import TUI

@Suite struct AppTests {
  static func finished(_ stdout: String, stderr: String = "", status: ExecutionStatus = .ok, exit: Int = 0)
    -> [ExecutionEvent]
  {
    [
      .started(id: "test"), .stdout(Array(stdout.utf8)), .stderr(Array(stderr.utf8)),
      .finished(ScriptedBackend.result(status: status, exitCode: exit, stdout: stdout, stderr: stderr)),
    ]
  }

  /// Types text key by key, as a terminal would deliver it.
  static func type(_ text: String, into app: App) {
    for character in text {
      app.handle(.key(character == "\n" ? .enter : .character(character)))
    }
  }

  /// Waits until the app has applied everything its run posted.
  static func settle(_ app: App) async {
    for _ in 0..<200 where app.isRunning {
      try? await Task.sleep(for: .milliseconds(5))
      app.drainInbox()
    }
  }

  @Test func firstScreenAt80x24() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    Snapshot.assert(app.render(width: 80, height: 24).0.text, named: "first-screen-80x24")
  }

  @Test func firstScreenAt120x40() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    Snapshot.assert(app.render(width: 120, height: 40).0.text, named: "first-screen-120x40")
  }

  @Test func runShowsOutputAndStatus() async {
    let app = App(
      backend: ScriptedBackend(events: Self.finished("hello\n", stderr: "warning\n")), isolation: "none")
    Self.type("print(\"hello\")", into: app)
    app.handle(.key(.function(5)))
    #expect(app.isRunning)
    await Self.settle(app)
    Snapshot.assert(app.render(width: 80, height: 24).0.text, named: "after-run-80x24")
  }

  @Test func ctrlRRunsToo() async {
    let app = App(backend: ScriptedBackend(events: Self.finished("x\n")), isolation: "none")
    app.handle(.key(.ctrl("r")))
    await Self.settle(app)
    guard case .finished(let result) = app.runState else {
      Issue.record("expected a finished run, got \(app.runState)")
      return
    }
    #expect(result.status == .ok)
    #expect(app.output.log.lines.map(\.text) == ["x"])
  }

  @Test func failedRunShowsStatusAndExitCode() async {
    let app = App(
      backend: ScriptedBackend(events: Self.finished("", stderr: "Traceback\n", status: .error, exit: 1)),
      isolation: "none")
    app.handle(.key(.function(5)))
    await Self.settle(app)
    let status = app.render(width: 100, height: 20).0.text.split(separator: "\n").last!
    #expect(status.contains("✗ error · exit 1 · 31 ms"))
  }

  @Test func backendThatCannotRunReportsIt() async {
    let app = App(backend: ScriptedBackend(events: [], failure: .noInterpreter), isolation: "none")
    app.handle(.key(.function(5)))
    await Self.settle(app)
    #expect(app.runState == .failed(ExecutionError.noInterpreter.description))
  }

  @Test func typedCodeIsWhatRuns() async {
    final class Recorder: ExecutionBackend, @unchecked Sendable {
      var code: String?
      func run(_ request: ExecutionRequest) -> AsyncThrowingStream<ExecutionEvent, any Error> {
        code = request.code
        return AsyncThrowingStream { $0.finish() }
      }
    }
    let recorder = Recorder()
    let app = App(backend: recorder, isolation: "none")
    Self.type("if x:\ny = 1\n", into: app)
    app.handle(.key(.function(5)))
    #expect(recorder.code == "if x:\n    y = 1\n    ")
  }

  @Test func statusBarSaysIsolation() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    #expect(app.render(width: 80, height: 24).0.text.contains("isolation: none"))
  }

  @Test func tooSmallTerminalSaysSo() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    #expect(app.render(width: 30, height: 5).0.text.hasPrefix("Terminal too small (30×5)"))
  }

  @Test func ctrlQQuits() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    app.handle(.key(.ctrl("q")))
    #expect(app.shouldQuit)
  }

  @Test func escapeSequencesInOutputAreInert() async {
    let app = App(
      backend: ScriptedBackend(events: Self.finished("\u{1B}[2J\u{1B}]0;pwned\u{07}ok\n")), isolation: "none")
    app.handle(.key(.function(5)))
    await Self.settle(app)
    let (grid, _) = app.render(width: 80, height: 24)
    #expect(grid.text.contains("␛[2J␛]0;pwned^Gok"))
    #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
  }

  @Test func wideCharactersNeverOverflowTheirPane() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    Self.type(String(repeating: "日本語🎉", count: 20), into: app)
    app.handle(.key(.home))
    let (grid, _) = app.render(width: 80, height: 24)
    let separator = App.layout(width: 80, height: 24).separatorX
    for y in 0..<23 { #expect(grid[separator, y].text == "│") }
  }
}

@Suite struct QuitTests {
  @Test func unmodifiedBufferQuitsAtOnce() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none", text: "print(1)")
    app.handle(.key(.ctrl("q")))
    #expect(app.shouldQuit)
  }

  @Test func unsavedChangesNeedASecondCtrlQ() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    app.handle(.key(.character("x")))
    app.handle(.key(.ctrl("q")))
    #expect(!app.shouldQuit)
    #expect(app.render(width: 100, height: 20).0.text.contains("unsaved changes: ^S saves, ^Q again quits"))
    app.handle(.key(.ctrl("q")))
    #expect(app.shouldQuit)
  }

  @Test func anyOtherKeyDisarmsTheWarning() {
    let app = App(backend: ScriptedBackend(events: []), isolation: "none")
    app.handle(.key(.character("x")))
    app.handle(.key(.ctrl("q")))
    app.handle(.key(.right))
    app.handle(.key(.ctrl("q")))
    #expect(!app.shouldQuit)
    #expect(app.quitArmed)
  }
}

@Suite struct CancelTests {
  /// A backend whose program never ends on its own; it records that it was told to stop.
  final class EndlessBackend: ExecutionBackend, @unchecked Sendable {
    var stopped = false
    func run(_ request: ExecutionRequest) -> AsyncThrowingStream<ExecutionEvent, any Error> {
      AsyncThrowingStream { continuation in
        continuation.yield(.started(id: "endless"))
        continuation.onTermination = { _ in self.stopped = true }
      }
    }
  }

  @Test func ctrlCCancelsTheRunAndSaysSo() async {
    let backend = EndlessBackend()
    let app = App(backend: backend, isolation: "none")
    app.handle(.key(.function(5)))
    app.handle(.key(.ctrl("c")))
    for _ in 0..<200 where app.isRunning {
      try? await Task.sleep(for: .milliseconds(5))
      app.drainInbox()
    }
    guard case .cancelled = app.runState else {
      Issue.record("expected cancelled, got \(app.runState)")
      return
    }
    #expect(backend.stopped)
    #expect(app.render(width: 100, height: 20).0.text.contains("✗ cancelled ·"))
  }
}
