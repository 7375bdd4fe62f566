import Synchronization

/// Wakes waiting workers: each `signal` lets one `wait` through, now or later.
final class Semaphore: Sendable {
  private struct State {
    var permits = 0
    var waiters: [CheckedContinuation<Void, Never>] = []
  }

  private let state = Mutex(State())

  func wait() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let resumeNow = state.withLock { state -> Bool in
        if state.permits > 0 {
          state.permits -= 1
          return true
        }
        state.waiters.append(continuation)
        return false
      }
      if resumeNow { continuation.resume() }
    }
  }

  func signal() {
    let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
      if state.waiters.isEmpty {
        state.permits += 1
        return nil
      }
      return state.waiters.removeFirst()
    }
    waiter?.resume()
  }

  func signalAll(count: Int) {
    for _ in 0..<count { signal() }
  }
}
