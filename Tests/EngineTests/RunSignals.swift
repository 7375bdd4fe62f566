import CSandbox
import Execution
import Glibc
import Processes

/// Real signals for tests to wait on, instead of polling with sleeps.
enum RunSignals {
  /// Consumes `events` on a task of its own and returns once the program has written its first
  /// output (true: it is running) or the run has ended without any (false). The task keeps
  /// consuming; cancel it to cancel the run the way a consumer that goes away does.
  static func consumeUntilOutput(_ events: AsyncThrowingStream<ExecutionEvent, any Error>) async
    -> (consumer: Task<Void, Never>, printed: Bool)
  {
    let (signal, continuation) = AsyncStream.makeStream(of: Bool.self)
    let consumer = Task {
      do {
        for try await event in events {
          if case .stdout = event { continuation.yield(true) }
        }
      } catch {}
      continuation.yield(false)
      continuation.finish()
    }
    var first = signal.makeAsyncIterator()
    return (consumer, await first.next() ?? false)
  }

  /// Waits until process `pid` (not necessarily our child) has exited, through a pidfd, which
  /// becomes readable at that moment; false if it is still there after `timeoutMilliseconds`.
  static func waitForExit(of pid: pid_t, timeoutMilliseconds: Int32 = 10_000) -> Bool {
    let fd = cs_pidfd_open(pid)
    guard fd >= 0 else { return errno == ESRCH }  // already gone (and reaped)
    defer { close(fd) }
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, timeoutMilliseconds) == 1
  }

  /// Runs a blocking wait on a thread of its own: an async test must not block one of the few
  /// threads Swift's task pool has (as many as cores), or every other async test in the process
  /// (the TUI's among them) starves behind it.
  static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      DetachedThread.start { continuation.resume(returning: body()) }
    }
  }
}
