import Foundation
import Glibc

/// A program started with pipes and read while it runs, for tests that act on it midway: signal
/// it once it has printed something, then collect the rest. Its standard input is closed at once.
/// `stop()` kills it if it is still running (a test calls it, so nothing outlives the test).
final class RunningProgram: @unchecked Sendable {
  private let child: Binary.Child
  private var read: (stdout: [UInt8], stderr: [UInt8]) = ([], [])
  private var reaped = false

  init(_ arguments: [String], executable: String = Binary.path) throws {
    child = try Binary.spawn(arguments, executable: executable)
    close(child.stdin)
  }

  var pid: pid_t { child.pid }

  /// Reads both streams until standard output (or error, with `onStderr`) holds `text`: true, or
  /// false when the program closed that stream first or `timeoutSeconds` passed.
  func waitForOutput(_ text: String, onStderr: Bool = false, timeoutSeconds: Double = 60) -> Bool {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    var fds = [
      pollfd(fd: child.stdout, events: Int16(POLLIN), revents: 0),
      pollfd(fd: child.stderr, events: Int16(POLLIN), revents: 0),
    ]
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let watched = onStderr ? 1 : 0
    while !String(decoding: onStderr ? read.stderr : read.stdout, as: UTF8.self).contains(text) {
      let left = Int32(max(0, deadline.timeIntervalSinceNow) * 1_000)
      guard left > 0, fds[watched].fd >= 0, poll(&fds, 2, left) > 0 else { return false }
      for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
        let n = Glibc.read(fds[i].fd, &buffer, buffer.count)
        if n > 0 {
          if i == 0 { read.stdout += buffer[0..<n] } else { read.stderr += buffer[0..<n] }
        } else if n == 0 || errno != EINTR {
          fds[i].fd = -1  // at its end: no more polling it (`finish` closes it)
        }
      }
    }
    return true
  }

  func signal(_ signal: Int32) { kill(child.pid, signal) }

  /// Waits for the program's end: everything it wrote, and its exit status (128 + N for signal N).
  func finish() -> Binary.Outcome {
    reaped = true
    return Binary.finish(child, read: read)
  }

  /// Kills and reaps the program unless `finish()` already did.
  func stop() {
    guard !reaped else { return }
    kill(child.pid, SIGKILL)
    _ = finish()
  }
}
