import Execution
import Glibc
import Processes
import Settings
import Synchronization

/// Keeps one warm box ready: its uid leased, cgroup made, work dir mounted and interpreter started,
/// waiting for a program. A run that takes it skips all of that (`make bench` shows the figure);
/// afterwards the pool makes the next one in the background. For the editor and the server, where
/// runs come one after another from a long-lived process; `coderemote run` starts cold.
///
/// Boxes are made on one thread that lives as long as the pool: a box dies with the thread that
/// made it (its parent-death signal follows the thread, not the process), and so with the process.
final class WarmBoxPool: Sendable {
  private let builder: BoxBuilder
  /// The box ready for the next run; a monitor, so a caller can wait for one to be made.
  private let ready = Monitor<PreparedBox?>(nil)
  private let closed = Atomic<Bool>(false)
  /// Set by the pool's thread when it has discarded its last box and ended.
  private let finished = Monitor(false)
  private let wakeUp = WakePipe()
  private let taken = Atomic<Int>(0)

  static let retryMilliseconds: Int32 = 250

  init(builder: BoxBuilder) {
    self.builder = builder
    DetachedThread.start { [self] in makeBoxes() }
  }

  /// The warm box, if one is ready for `limits` and still alive; a stale one is discarded.
  func take(for limits: ExecutionLimits) -> PreparedBox? {
    guard
      let box = ready.update({ box -> PreparedBox? in
        defer { box = nil }; return box
      })
    else { return nil }
    guard box.limits == limits, box.isWaiting else {
      box.discard()
      return nil
    }
    taken.add(1, ordering: .relaxed)
    return box
  }

  /// Asks for a new warm box, unless one is ready.
  func refill() { wakeUp.wake() }

  /// How many runs took a warm box (for tests).
  var runsTaken: Int { taken.load(ordering: .relaxed) }

  /// The pid of the warm box's interpreter, when one is ready (for tests and diagnostics).
  var readyProcess: pid_t? { ready.update { $0?.process.pid } }

  /// Waits (up to `timeout`) until a box is ready, and returns its interpreter's pid.
  func waitForBox(timeout: Duration) -> pid_t? {
    ready.wait(timeout: timeout) { $0 != nil }
    return readyProcess
  }

  /// Discards the warm box and makes no more: the box's processes, cgroup and work dir go now, not
  /// when the next run with its uid finds them.
  func close() {
    guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
    wakeUp.wake()
    finished.wait { $0 }
  }

  /// The pool's thread: makes a box whenever there is none, until the pool is closed.
  private func makeBoxes() {
    if builder.layers.separateUid {
      StaleRuns.sweep(uidRange: builder.configuration.uidRange, cgroups: builder.layers.cgroups)
    }
    defer {
      ready.update { box -> PreparedBox? in
        defer { box = nil }; return box
      }?.discard()
      finished.update { $0 = true }
    }
    while !closed.load(ordering: .acquiring) {
      var made = !ready.update { $0 == nil }
      if !made, let box = try? builder.warmBox() {
        ready.update { $0 = box }
        made = true
      }
      // A box that could not be made (every uid busy, processes or memory short for a moment) is
      // tried again a little later rather than only at the next run.
      var wait = pollfd(fd: wakeUp.descriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&wait, 1, made ? -1 : Self.retryMilliseconds)
      wakeUp.drain()
    }
  }
}
