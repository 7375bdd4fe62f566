import Execution
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

  /// Everything posted so far, oldest first.
  public func take() -> [Message] {
    wakeUp.drain()
    return messages.withLock { pending in
      defer { pending = [] }
      return pending
    }
  }
}
