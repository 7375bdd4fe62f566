import Execution
import Synchronization
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

  @Test func firstScreenAt80x24() {
    let app = App.scripted()
    Snapshot.assert(app.render(width: 80, height: 24).0.text, named: "first-screen-80x24")
  }

  @Test func firstScreenAt120x40() {
    let app = App.scripted()
    Snapshot.assert(app.render(width: 120, height: 40).0.text, named: "first-screen-120x40")
  }

  @Test func runShowsOutputAndStatus() async {
    let app = App.scripted(Self.finished("hello\n", stderr: "warning\n"))
    Self.type("print(\"hello\")", into: app)
    app.handle(.key(.function(5)))
    #expect(app.isRunning)
    await app.settle()
    Snapshot.assert(app.render(width: 80, height: 24).0.text, named: "after-run-80x24")
  }

  @Test func ctrlRRunsToo() async {
    let app = App.scripted(Self.finished("x\n"))
    app.handle(.key(.ctrl("r")))
    await app.settle()
    guard case .finished(let result) = app.runState else {
      Issue.record("expected a finished run, got \(app.runState)")
      return
    }
    #expect(result.status == .ok)
    #expect(app.output.log.lines.map(\.text) == ["x"])
  }

  @Test func failedRunShowsStatusAndExitCode() async {
    let app = App.scripted(Self.finished("", stderr: "Traceback\n", status: .error, exit: 1))
    app.handle(.key(.function(5)))
    await app.settle()
    let status = app.render(width: 100, height: 20).0.text.split(separator: "\n").last!
    #expect(status.contains("✗ error · exit 1 · 31 ms"))
  }

  @Test func backendThatCannotRunReportsIt() async {
    let app = App.scripted(failure: .noInterpreter)
    app.handle(.key(.function(5)))
    await app.settle()
    #expect(app.runState == .failed(ExecutionError.noInterpreter.description))
  }

  @Test func typedCodeIsWhatRuns() {
    let backend = ScriptedBackend()
    let app = App(backend: backend)
    Self.type("if x:\ny = 1\n", into: app)
    app.handle(.key(.function(5)))
    #expect(backend.control.requests.withLock { $0.map(\.code) } == ["if x:\n    y = 1\n    "])
  }

  @Test func statusBarSaysTheBackendsIsolation() {
    let app = App(backend: ScriptedBackend(isolation: "ns+rlimits+seccomp"))
    #expect(app.render(width: 100, height: 24).0.text.contains("isolation: ns+rlimits+seccomp"))
  }

  @Test func aStreamThatEndsWithoutAResultIsNotLeftRunning() async {
    let app = App.scripted([.started(id: "test")])
    app.handle(.key(.function(5)))
    await app.settle()
    guard case .cancelled = app.runState else {
      Issue.record("expected cancelled, got \(app.runState)")
      return
    }
  }

  @Test func tooSmallTerminalSaysSo() {
    let app = App.scripted()
    #expect(app.render(width: 30, height: 5).0.text.hasPrefix("Terminal too small (30×5)"))
  }

  @Test func ctrlQQuits() {
    let app = App.scripted()
    app.handle(.key(.ctrl("q")))
    #expect(app.shouldQuit)
  }

  @Test func escapeSequencesInOutputAreInert() async {
    let app = App.scripted(Self.finished("\u{1B}[2J\u{1B}]0;pwned\u{07}ok\n"))
    app.handle(.key(.function(5)))
    await app.settle()
    let (grid, _) = app.render(width: 80, height: 24)
    #expect(grid.text.contains("␛[2J␛]0;pwned^Gok"))
    #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
  }

  @Test func wideCharactersNeverOverflowTheirPane() {
    let app = App.scripted()
    Self.type(String(repeating: "日本語🎉", count: 20), into: app)
    app.handle(.key(.home))
    let (grid, _) = app.render(width: 80, height: 24)
    let separator = App.layout(width: 80, height: 24).separatorX ?? -1
    for y in 0..<23 { #expect(grid[separator, y].text == "│") }
  }
}

@Suite struct QuitTests {
  @Test func unmodifiedBufferQuitsAtOnce() {
    let app = App.scripted(text: "print(1)")
    app.handle(.key(.ctrl("q")))
    #expect(app.shouldQuit)
  }

  @Test func unsavedChangesNeedASecondCtrlQ() {
    let app = App.scripted()
    app.handle(.key(.character("x")))
    app.handle(.key(.ctrl("q")))
    #expect(!app.shouldQuit)
    #expect(app.render(width: 100, height: 20).0.text.contains("unsaved changes: ^S saves, ^Q again quits"))
    app.handle(.key(.ctrl("q")))
    #expect(app.shouldQuit)
  }

  @Test func anyOtherKeyDisarmsTheWarning() {
    let app = App.scripted()
    app.handle(.key(.character("x")))
    app.handle(.key(.ctrl("q")))
    app.handle(.key(.right))
    app.handle(.key(.ctrl("q")))
    #expect(!app.shouldQuit)
    #expect(app.quitArmed)
  }
}

@Suite struct CancelTests {
  /// A backend whose program never ends on its own: it ends, with a cancelled result, only when its
  /// handle is told to cancel, as a real backend's does.
  final class EndlessBackend: ExecutionBackend, ExecutionControl {
    let continuation = Mutex<AsyncThrowingStream<ExecutionEvent, any Error>.Continuation?>(nil)
    let cancels = Atomic<Int>(0)
    var name: String { "endless" }
    var isolation: String { "none" }

    func run(_ request: ExecutionRequest) -> ExecutionHandle {
      let (handle, continuation) = ExecutionHandle.make(control: self)
      continuation.yield(.started(id: "endless"))
      self.continuation.withLock { $0 = continuation }
      return handle
    }

    func send(stdin: [UInt8]) {}
    func closeStdin() {}
    func cancel() {
      cancels.add(1, ordering: .relaxed)
      let result = ScriptedBackend.result(status: .cancelled, exitCode: nil)
      continuation.withLock { continuation in
        continuation?.yield(.finished(result))
        continuation?.finish()
      }
    }
  }

  @Test func ctrlCCancelsTheRunAndSaysSo() async {
    let backend = EndlessBackend()
    let app = App(backend: backend)
    app.handle(.key(.function(5)))
    app.handle(.key(.ctrl("c")))
    await app.settle()
    guard case .finished(let result) = app.runState, result.status == .cancelled else {
      Issue.record("expected a cancelled result, got \(app.runState)")
      return
    }
    #expect(backend.cancels.load(ordering: .relaxed) == 1)
    #expect(app.render(width: 100, height: 20).0.text.contains("✗ cancelled ·"))
  }

  @Test func quittingMidRunCancelsIt() {
    let backend = EndlessBackend()
    let app = App(backend: backend)
    app.handle(.key(.function(5)))
    app.handle(.key(.ctrl("q")))
    #expect(app.shouldQuit)
    #expect(backend.cancels.load(ordering: .relaxed) >= 1)
  }
}
