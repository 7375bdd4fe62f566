import Execution
import Glibc
import Processes
import Synchronization

/// Messages for the UI thread from background work (a running program's events). Posting wakes
/// the app loop, which polls `wakeDescriptor` beside the terminal.
public final class Inbox<Message: Sendable>: Sendable {
  private let messages = Mutex<[Message]>([])
  private let wakeUp = WakePipe()

  public init() {}

  public var wakeDescriptor: Int32 { wakeUp.descriptor }

  public func post(_ message: Message) {
    messages.withLock { $0.append(message) }
    wakeUp.wake()
  }

  /// Waits until something is posted (or was, and is not taken yet), on a thread of its own: never
  /// on one of Swift's cooperative pool, where the work that posts may be queued behind the wait.
  /// For driving an app without its loop (tests, benchmarks). False if the wake pipe failed.
  public func waitForPost() async -> Bool {
    let descriptor = wakeDescriptor
    return await withCheckedContinuation { continuation in
      DetachedThread.start {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        continuation.resume(returning: poll(&entry, 1, -1) > 0)
      }
    }
  }

  /// Everything posted so far, oldest first.
  public func take() -> [Message] {
    wakeUp.drain()
    return messages.withLock { pending in
      defer { pending = [] }
      return pending
    }
  }
}
