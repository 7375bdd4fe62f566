import Foundation

/// Runs blocking work (a process to its end, waits on a tmux screen) on a thread of its own and
/// hands back what it returns or throws: blocking Swift's cooperative pool, two threads on a
/// 2-core machine, would stall every async test running meanwhile. Expectations stay with the
/// caller, in the test's own task.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  let result = await withCheckedContinuation { continuation in
    Thread { continuation.resume(returning: Result { try body() }) }.start()
  }
  return try result.get()
}
