import Glibc
import Synchronization

/// A counting semaphore for threads that block anyway (each run waits for a child process).
final class Semaphore: Sendable {
  private let available: Mutex<Int>

  init(_ count: Int) { available = Mutex(count) }

  func wait() {
    while !available.withLock({ count in
      guard count > 0 else { return false }
      count -= 1
      return true
    }) {
      usleep(5_000)
    }
  }

  func signal() { available.withLock { $0 += 1 } }
}
