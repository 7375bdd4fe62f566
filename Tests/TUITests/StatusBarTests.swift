import Execution
import Glibc
import Processes
import Synchronization
import Testing

@testable import TUI

/// The status bar keeps the run status at any width; F5 during a run asks before restarting;
/// Ctrl-C copies when nothing runs; a run that printed nothing says so.
@Suite struct StatusBarTests {
  @Test func theRunStatusOutranksTheIsolationText() {
    let run = "✗ error · exit 1 · 31 ms"
    for width in [40, 60, 80] {
      let bar = StatusBar(
        width: width, position: "Ln 1, Col 1", run: run, isolation: "bubblewrap (user namespaces, seccomp)",
        keys: " F1 Help  F5 Run  ^Q Quit ")
      #expect(bar.pieces.contains { $0.role == .run && $0.text == run }, "width \(width)")
      #expect(!bar.pieces.contains { $0.text.contains("isolation") }, "width \(width)")
    }
    let wide = StatusBar(
      width: 200, position: "Ln 1, Col 1", run: run, isolation: "bubblewrap", keys: " F1 Help ")
    #expect(wide.pieces.map(\.text) == [" Ln 1, Col 1 │ ", run, " │ isolation: bubblewrap", " F1 Help "])
    #expect(wide.pieces.last?.x == 200 - 9)
  }

  /// An attached stdin file outranks the isolation text; short of room, its last part is shown.
  @Test func theStdinFileShowsBeforeTheIsolation() {
    func texts(_ width: Int) -> [String] {
      StatusBar(
        width: width, position: "Ln 1, Col 1", run: "ready", stdin: "/srv/inputs/cases.txt",
        isolation: "bubblewrap", keys: " F1 Help "
      ).pieces.map(\.text)
    }
    #expect(
      texts(200) == [
        " Ln 1, Col 1 │ ", "ready", " │ stdin: /srv/inputs/cases.txt", " │ isolation: bubblewrap",
        " F1 Help ",
      ])
    #expect(texts(40) == [" Ln 1, Col 1 │ ", "ready", " │ stdin: cases.txt"])
  }

  @Test func theStatusRowShowsTheRunAtEveryWidth() async {
    for width in [40, 80, 200] {
      let app = App(
        backend: ScriptedBackend(
          events: AppTests.finished("", stderr: "boom\n", status: .error, exit: 1),
          isolation: "bubblewrap (user namespaces, seccomp, cgroup limits)"))
      app.handle(.key(.function(5)))
      await app.settle()
      let status = app.render(width: width, height: 12).0.text.split(separator: "\n").last!
      #expect(status.contains("✗ error · exit 1"), "width \(width): \(status)")
    }
  }

  @Test func aRunWithNoOutputSaysSo() async {
    let app = App.scripted(AppTests.finished(""))
    app.handle(.key(.function(5)))
    await app.settle()
    #expect(app.runStatusText.hasSuffix(" · no output"))
    let printing = App.scripted(AppTests.finished("hi\n"))
    printing.handle(.key(.function(5)))
    await printing.settle()
    #expect(!printing.runStatusText.contains("no output"))
  }

  @Test func ctrlCWithASelectionAndNothingRunningCopies() {
    let app = App.scripted(text: "alpha beta")
    app.handle(.key(.ctrl("d")))
    app.handle(.key(.ctrl("c")))
    #expect(app.editor.state.register == "alpha")
    #expect(!app.isRunning)
  }

  @Test func ctrlCWithARunLiveCancelsAndDoesNotCopy() async {
    let backend = CancelTests.EndlessBackend()
    let app = App(backend: backend, text: "alpha beta")
    app.handle(.key(.ctrl("d")))
    app.handle(.key(.function(5)))
    app.handle(.key(.ctrl("c")))
    await app.settle()
    #expect(backend.cancels.load(ordering: .relaxed) == 1)
    #expect(app.editor.state.register == "")
  }

  @Test func aSecondF5DuringARunAsksThenRestarts() async {
    let backend = CountingEndlessBackend()
    let app = App(backend: backend)
    app.handle(.key(.function(5)))
    app.handle(.key(.function(5)))
    #expect(app.runStatusText.contains("F5 again restarts"))
    #expect(backend.inner.cancels.load(ordering: .relaxed) == 0)
    // Any other key keeps the run.
    app.handle(.key(.right))
    #expect(!app.runStatusText.contains("restarts"))
    app.handle(.key(.function(5)))
    app.handle(.key(.function(5)))
    #expect(backend.inner.cancels.load(ordering: .relaxed) == 1)
    // The new run starts once the old one has ended, not before.
    #expect(backend.runs.load(ordering: .relaxed) == 1)
    while backend.runs.load(ordering: .relaxed) < 2 {
      guard await app.waitForPost() else { break }
      app.drainInbox()
    }
    #expect(backend.runs.load(ordering: .relaxed) == 2)
    #expect(app.isRunning)
    app.handle(.key(.ctrl("c")))
    await app.settle()
  }

  @Test func theTooSmallMessageFitsTheScreen() {
    for (width, height) in [(30, 8), (39, 9), (12, 3), (5, 2), (1, 1)] {
      let lines = App.tooSmallLines(width: width, height: height)
      #expect(lines.count <= height)
      #expect(lines.allSatisfy { $0.text.count <= width }, "\(width)×\(height): \(lines)")
      let shown = lines.map(\.text).joined(separator: " ")
      #expect(shown.contains("\(width)×\(height)") || width < 5, "\(width)×\(height): \(shown)")
    }
    let roomy = App.tooSmallLines(width: 30, height: 8).map(\.text)
    #expect(roomy == ["Terminal too small (30×8);", "need 40×10.", "Ctrl-Q quits."])
    let app = App.scripted()
    Snapshot.assert(app.render(width: 30, height: 8).0.text, named: "too-small-30x8")
  }
}

/// An endless backend that counts its runs.
final class CountingEndlessBackend: ExecutionBackend {
  let inner = CancelTests.EndlessBackend()
  let runs = Atomic<Int>(0)
  var name: String { "counting" }
  var isolation: String { "none" }

  func run(_ request: ExecutionRequest) -> ExecutionHandle {
    runs.add(1, ordering: .relaxed)
    return inner.run(request)
  }
}
