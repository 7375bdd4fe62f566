import Execution
import Glibc
import Processes
import Settings
import Synchronization

/// Keeps warm boxes ready: each with its uid leased, cgroup made, work dir mounted and interpreter
/// started, waiting for a program — which a box counts as only once its bootstrap says so. A run that takes one skips all of that (`make bench` shows the
/// figure); afterwards the pool makes the next one in the background. For the editor (one box) and
/// the server (one per worker slot), where runs come one after another from a long-lived process;
/// `coderemote run` starts cold.
///
/// Boxes are made on one thread that lives as long as the pool: a box dies with the thread that
/// made it (its parent-death signal follows the thread, not the process), and so with the process.
final class WarmBoxPool: Sendable {
  private let builder: BoxBuilder
  /// A box the pool made: starting until its bootstrap says, through its ready pipe, that it waits
  /// for its program.
  private struct Entry {
    let box: PreparedBox
    var isReady = false
  }
  /// The boxes made for the next runs, oldest first; a monitor, so a caller can wait for one.
  /// Only ready boxes leave it other than by the pool's thread (which alone reads the ready pipes).
  private let boxes = Monitor<[Entry]>([])
  private let capacity: Int
  private let closed = Atomic<Bool>(false)
  /// Set by the pool's thread when it has discarded its last box and ended.
  private let finished = Monitor(false)
  private let wakeUp = WakePipe()
  private let taken = Atomic<Int>(0)

  static let retryMilliseconds: Int32 = 250
  /// How long a run waits for a box still starting: less than a cold box takes, as a rule, since
  /// the box is built and its interpreter half started; the bound is for a machine under load.
  static let startingWait = Duration.seconds(5)

  init(builder: BoxBuilder, capacity: Int = 1) {
    self.builder = builder
    self.capacity = max(1, capacity)
    DetachedThread.start { [self] in makeBoxes() }
  }

  /// A warm box, if one is ready for `limits` and still alive; a stale one is discarded. Takes the
  /// oldest ready one, so the pool makes replacements while the newer ones wait; when every box is
  /// still starting, waits for one to be ready.
  func take(for limits: ExecutionLimits) -> PreparedBox? {
    boxes.wait(timeout: Self.startingWait) { $0.isEmpty || $0.contains(where: \.isReady) }
    guard
      let box = boxes.update({ entries -> PreparedBox? in
        entries.firstIndex(where: \.isReady).map { entries.remove(at: $0).box }
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

  /// The pid of the oldest ready box's interpreter, when one is ready (for tests and diagnostics).
  var readyProcess: pid_t? { boxes.update { $0.first(where: \.isReady)?.box.process.pid } }

  /// How many warm boxes are ready.
  var readyCount: Int { boxes.update { $0.count(where: \.isReady) } }

  /// Waits (up to `timeout`) until a box is ready — its interpreter waiting for a program — and
  /// returns its interpreter's pid.
  func waitForBox(timeout: Duration) -> pid_t? {
    boxes.wait(timeout: timeout) { $0.contains(where: \.isReady) }
    return readyProcess
  }

  /// Discards the warm boxes and makes no more: the boxes' processes, cgroups and work dirs go now,
  /// not when the next run with their uids finds them.
  func close() {
    guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
    wakeUp.wake()
    finished.wait { $0 }
  }

  /// The pool's thread: makes boxes whenever there are fewer than `capacity`, and hears each say it
  /// is ready, until it is closed.
  private func makeBoxes() {
    if builder.layers.separateUid {
      StaleRuns.sweep(uidRange: builder.configuration.uidRange, cgroups: builder.layers.cgroups)
    }
    defer {
      for entry in boxes.update({ entries -> [Entry] in
        defer { entries = [] }; return entries
      }) {
        entry.box.discard()
      }
      finished.update { $0 = true }
    }
    while !closed.load(ordering: .acquiring) {
      var failed = false
      if boxes.update({ $0.count < capacity }) {
        if let box = try? builder.warmBox() {
          boxes.update { $0.append(Entry(box: box)) }
          continue  // not full yet, perhaps: go round again at once
        }
        // A box that could not be made (every uid busy, processes or memory short for a moment) is
        // tried again a little later rather than only at the next run.
        failed = true
      }
      let starting = boxes.update { $0.filter { !$0.isReady }.map(\.box) }
      var waits = [pollfd(fd: wakeUp.descriptor, events: Int16(POLLIN), revents: 0)]
      waits += starting.map { pollfd(fd: $0.readyDescriptor ?? -1, events: Int16(POLLIN), revents: 0) }
      _ = poll(&waits, nfds_t(waits.count), failed ? Self.retryMilliseconds : -1)
      for (box, wait) in zip(starting, waits.dropFirst()) where wait.revents != 0 {
        let ready = box.readReadySignal()
        boxes.update { entries in
          guard let index = entries.firstIndex(where: { $0.box === box }) else { return }
          if ready { entries[index].isReady = true } else { entries.remove(at: index) }
        }
        // It ended before it was ready (killed from outside): the next round makes another.
        if !ready { box.discard() }
      }
      wakeUp.drain()
    }
  }
}
