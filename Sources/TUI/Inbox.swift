import Glibc
import Synchronization

/// Messages for the UI thread from background work (a running program's events). Posting wakes
/// the app loop through a pipe it polls beside the terminal.
public final class Inbox<Message: Sendable>: Sendable {
  private let messages = Mutex<[Message]>([])
  private let readEnd: Int32
  private let writeEnd: Int32

  public init() {
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    for fd in fds {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, O_NONBLOCK)
    }
    readEnd = fds[0]
    writeEnd = fds[1]
  }

  deinit {
    close(readEnd)
    close(writeEnd)
  }

  public var wakeDescriptor: Int32 { readEnd }

  public func post(_ message: Message) {
    messages.withLock { $0.append(message) }
    var byte: UInt8 = 1
    _ = write(writeEnd, &byte, 1)  // a full pipe already means "wake up"
  }

  /// Everything posted so far, oldest first.
  public func take() -> [Message] {
    var sink = [UInt8](repeating: 0, count: 256)
    while read(readEnd, &sink, sink.count) > 0 {}
    return messages.withLock { pending in
      defer { pending = [] }
      return pending
    }
  }
}
