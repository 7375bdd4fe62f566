import Execution
import Store
import Synchronization

/// What a subscriber to a job receives.
enum LiveItem: Sendable {
  case event(JobEvent)
  case heartbeat
  /// The stream ends without the job finishing here (the server is stopping; the client was too slow).
  case closed(String)
}

/// The jobs being watched or run right now: each job's subscribers (SSE, WebSocket, `?wait=true`)
/// with bounded buffers, and the controls of its run. A worker publishes without ever waiting: a
/// subscriber whose buffer is full is dropped (it may reconnect and resume from storage).
final class LiveJobs: Sendable {
  private struct Entry {
    var subscribers: [Int: AsyncStream<LiveItem>.Continuation] = [:]
    var control: ExecutionHandle?
    var cancelRequested = false
    var running = false
  }

  private let entries = Mutex<[String: Entry]>([:])
  private let nextSubscriber = Atomic<Int>(0)
  private let buffer: Int

  init(buffer: Int) { self.buffer = buffer }

  /// A stream of the job's events from now on; ends with `finished` or `closed`. Cancelling the
  /// consumer unsubscribes.
  func subscribe(_ job: String) -> (id: Int, stream: AsyncStream<LiveItem>) {
    let id = nextSubscriber.add(1, ordering: .relaxed).newValue
    let (stream, continuation) = AsyncStream.makeStream(
      of: LiveItem.self, bufferingPolicy: .bufferingOldest(buffer))
    continuation.onTermination = { [weak self] _ in self?.unsubscribe(job, id) }
    entries.withLock { $0[job, default: Entry()].subscribers[id] = continuation }
    return (id, stream)
  }

  /// Sends an item to one subscriber (a heartbeat); false when that subscriber is gone.
  func send(_ item: LiveItem, to job: String, subscriber: Int) {
    guard let continuation = entries.withLock({ $0[job]?.subscribers[subscriber] }) else { return }
    if case .dropped = continuation.yield(item) { continuation.finish() }
  }

  func unsubscribe(_ job: String, _ id: Int) {
    entries.withLock { entries in
      entries[job]?.subscribers[id] = nil
      if let entry = entries[job], entry.subscribers.isEmpty, !entry.running { entries[job] = nil }
    }
  }

  /// Sends to every subscriber; one whose buffer is full is told so and dropped.
  func publish(_ event: JobEvent, of job: String) {
    for continuation in entries.withLock({ Array(($0[job]?.subscribers ?? [:]).values) }) {
      if case .dropped = continuation.yield(.event(event)) {
        continuation.finish()
      }
    }
  }

  /// Ends every subscriber's stream and forgets the job.
  func end(_ job: String, with last: LiveItem? = nil) {
    let entry = entries.withLock { $0.removeValue(forKey: job) }
    for continuation in entry?.subscribers.values.map({ $0 }) ?? [] {
      if let last { continuation.yield(last) }
      continuation.finish()
    }
  }

  /// Marks the job running with these controls; true when a cancel came first (the caller cancels).
  func attach(_ job: String, control: ExecutionHandle) -> Bool {
    entries.withLock { entries in
      entries[job, default: Entry()].control = control
      entries[job]?.running = true
      return entries[job]?.cancelRequested ?? false
    }
  }

  /// Forgets the job's run (it went back to the queue); its subscribers stay for the next one.
  func detach(_ job: String) {
    entries.withLock { entries in
      entries[job]?.control = nil
      entries[job]?.running = false
    }
  }

  /// Cancels the job's run if it has one, or remembers the cancel for when it starts.
  func cancel(_ job: String) {
    let control = entries.withLock { entries -> ExecutionHandle? in
      entries[job, default: Entry()].cancelRequested = true
      return entries[job]?.control
    }
    control?.cancel()
  }

  func control(of job: String) -> ExecutionHandle? { entries.withLock { $0[job]?.control } }

  /// Every running job's controls (for shutdown).
  var runningControls: [String: ExecutionHandle] {
    entries.withLock { $0.compactMapValues { $0.control } }
  }
}
