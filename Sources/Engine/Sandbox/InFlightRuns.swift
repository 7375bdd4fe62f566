import Processes

/// Counts the runs a backend has going on threads of their own, so closing it can wait for them.
final class InFlightRuns: Sendable {
  private let count = Monitor(0)

  func begin() { count.update { $0 += 1 } }
  func end() { count.update { $0 -= 1 } }

  /// Returns when no run is going, or when `timeout` has passed.
  func waitUntilNone(timeout: Duration) {
    count.wait(timeout: timeout) { $0 == 0 }
  }
}
