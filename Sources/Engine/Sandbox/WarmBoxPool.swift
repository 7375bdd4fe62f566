import Execution
import Glibc
import Processes
import Settings
import Synchronization

/// Keeps warm boxes ready: each with its uid leased, cgroup made, work dir mounted and interpreter
/// started, waiting for a program. A run that takes one skips all of that (`make bench` shows the
/// figure); afterwards the pool makes the next one in the background. For the editor (one box) and
/// the server (one per worker slot), where runs come one after another from a long-lived process;
/// `coderemote run` starts cold.
///
/// Boxes are made on one thread that lives as long as the pool: a box dies with the thread that
/// made it (its parent-death signal follows the thread, not the process), and so with the process.
final class WarmBoxPool: Sendable {
  private let builder: BoxBuilder
  /// The boxes ready for the next runs, oldest first; a monitor, so a caller can wait for one.
  private let ready = Monitor<[PreparedBox]>([])
  private let capacity: Int
  private let closed = Atomic<Bool>(false)
  /// Set by the pool's thread when it has discarded its last box and ended.
  private let finished = Monitor(false)
  private let wakeUp = WakePipe()
  private let taken = Atomic<Int>(0)

  static let retryMilliseconds: Int32 = 250

  init(builder: BoxBuilder, capacity: Int = 1) {
    self.builder = builder
    self.capacity = max(1, capacity)
    DetachedThread.start { [self] in makeBoxes() }
  }

  /// A warm box, if one is ready for `limits` and still alive; a stale one is discarded. Takes the
  /// oldest, so the pool makes replacements while the newer ones wait.
  func take(for limits: ExecutionLimits) -> PreparedBox? {
    guard
      let box = ready.update({ boxes -> PreparedBox? in
        boxes.isEmpty ? nil : boxes.removeFirst()
      })
    else { return nil }
    guard box.limits == limits, box.isWaiting else {
      box.discard()
      return nil
    }
    taken.add(1, ordering: .relaxed)
    return box
  }

  /// Asks for new warm boxes, unless the pool is full.
  func refill() { wakeUp.wake() }

  /// How many runs took a warm box (for tests).
  var runsTaken: Int { taken.load(ordering: .relaxed) }

  /// The pid of the oldest warm box's interpreter, when one is ready (for tests and diagnostics).
  var readyProcess: pid_t? { ready.update { $0.first?.process.pid } }

  /// How many warm boxes are ready.
  var readyCount: Int { ready.update { $0.count } }

  /// Waits (up to `timeout`) until a box is ready, and returns its interpreter's pid.
  func waitForBox(timeout: Duration) -> pid_t? {
    ready.wait(timeout: timeout) { !$0.isEmpty }
    return readyProcess
  }

  /// Discards the warm boxes and makes no more: the boxes' processes, cgroups and work dirs go now,
  /// not when the next run with their uids finds them.
  func close() {
    guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
    wakeUp.wake()
    finished.wait { $0 }
  }

  /// The pool's thread: makes boxes whenever there are fewer than `capacity`, until it is closed.
  private func makeBoxes() {
    if builder.layers.separateUid {
      StaleRuns.sweep(uidRange: builder.configuration.uidRange, cgroups: builder.layers.cgroups)
    }
    defer {
      for box in ready.update({ boxes -> [PreparedBox] in
        defer { boxes = [] }; return boxes
      }) {
        box.discard()
      }
      finished.update { $0 = true }
    }
    while !closed.load(ordering: .acquiring) {
      var made = ready.update { $0.count >= capacity }
      if !made, let box = try? builder.warmBox() {
        made = ready.update { boxes -> Bool in
          boxes.append(box)
          return boxes.count >= capacity
        }
        // Not full yet: go round again at once.
        if !made { continue }
      }
      // A box that could not be made (every uid busy, processes or memory short for a moment) is
      // tried again a little later rather than only at the next run.
      var wait = pollfd(fd: wakeUp.descriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&wait, 1, made ? -1 : Self.retryMilliseconds)
      wakeUp.drain()
    }
  }
}
