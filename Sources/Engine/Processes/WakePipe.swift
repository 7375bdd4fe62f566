import Glibc

/// A pipe that wakes a poll(2) loop: any thread calls `wake()`, the loop polls `descriptor` and
/// `drain()`s it. Non-blocking and close-on-exec, so a program we start never inherits it.
public final class WakePipe: Sendable {
  /// The end the loop polls for POLLIN.
  public let descriptor: Int32
  private let writeEnd: Int32

  public init() {
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    for fd in fds {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, O_NONBLOCK)
    }
    descriptor = fds[0]
    writeEnd = fds[1]
  }

  deinit {
    close(descriptor)
    close(writeEnd)
  }

  /// Safe from any thread; a full pipe already means "wake up".
  public func wake() {
    var byte: UInt8 = 1
    _ = write(writeEnd, &byte, 1)
  }

  /// Empties the pipe so the next poll waits again.
  public func drain() {
    var sink = [UInt8](repeating: 0, count: 256)
    while read(descriptor, &sink, sink.count) > 0 {}
  }
}
