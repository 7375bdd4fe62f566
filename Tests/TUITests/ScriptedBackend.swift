import Execution
import Glibc
import Processes
import Synchronization

@testable import TUI

/// An execution backend that replays a fixed list of events, for UI tests without processes; it
/// records what the handle was asked to do.
struct ScriptedBackend: ExecutionBackend {
  var events: [ExecutionEvent] = []
  var failure: ExecutionError?
  var isolation = "none"
  /// Leaves the run going after the events, as a program waiting on its input would; the test
  /// ends it through `control.finish`.
  var staysLive = false
  let control = RecordingControl()

  var name: String { "scripted" }

  func run(_ request: ExecutionRequest) -> ExecutionHandle {
    control.requests.withLock { $0.append(request) }
    let (handle, continuation) = ExecutionHandle.make(control: control)
    for event in events { continuation.yield(event) }
    if staysLive {
      control.live.withLock { $0 = continuation }
    } else {
      continuation.finish(throwing: failure)
    }
    return handle
  }

  static func result(status: ExecutionStatus, exitCode: Int?, stdout: String = "", stderr: String = "")
    -> ExecutionResult
  {
    ExecutionResult(
      id: "test", status: status, exitCode: exitCode, stdout: Array(stdout.utf8), stderr: Array(stderr.utf8),
      wallMilliseconds: 31.2, isolation: "none", limits: .defaults)
  }
}

/// A run's controls that only remember what they were asked.
final class RecordingControl: ExecutionControl {
  let requests = Mutex<[ExecutionRequest]>([])
  let cancels = Atomic<Int>(0)
  /// Everything sent to standard input, in order, and whether it was closed.
  let stdin = Mutex<[UInt8]>([])
  let stdinClosed = Atomic<Bool>(false)
  /// A live run's events, to end it with.
  let live = Mutex<AsyncThrowingStream<ExecutionEvent, any Error>.Continuation?>(nil)

  func send(stdin bytes: [UInt8]) { stdin.withLock { $0 += bytes } }
  func closeStdin() { stdinClosed.store(true, ordering: .relaxed) }
  /// Ends a live run with `events`.
  func finish(_ events: [ExecutionEvent]) {
    live.withLock { continuation in
      for event in events { continuation?.yield(event) }
      continuation?.finish()
      continuation = nil
    }
  }
  func cancel() { cancels.add(1, ordering: .relaxed) }
}

extension App {
  /// The app as the tests use it: a scripted backend (no events unless given), nothing else.
  static func scripted(
    _ events: [ExecutionEvent] = [], failure: ExecutionError? = nil, text: String = ""
  ) -> App {
    App(backend: ScriptedBackend(events: events, failure: failure), text: text)
  }

  /// Waits until the running program has ended (or `done` holds), applying what its run posts as the app loop does:
  /// each wait is on the inbox's wake pipe (on a thread of its own, so the cooperative pool that
  /// delivers the events is never blocked). `each` runs after every wake-up.
  func settle(each: () -> Void = {}, until done: () -> Bool = { false }) async {
    while isRunning && !done() {
      // Never posted: the test's own expectations say what is missing.
      guard await waitForPost() else { return }
      drainInbox()
      each()
    }
  }

  /// Waits on the inbox's wake pipe until background work posts something. No time limit: the
  /// run's forwarding task is queued on the shared cooperative pool behind every synchronous test
  /// of the suite, which under load takes more than any fixed wait would allow.
  func waitForPost() async -> Bool { await inbox.waitForPost() }
}
