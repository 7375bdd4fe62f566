import Execution
import Glibc
import Processes
import Settings
import Synchronization

/// Counts the runs a backend has going on threads of their own, so closing it can wait for them.
final class InFlightRuns: Sendable {
  private let count = Atomic<Int>(0)

  func begin() { count.add(1, ordering: .acquiringAndReleasing) }
  func end() { count.subtract(1, ordering: .acquiringAndReleasing) }

  /// Returns when no run is going, or when `timeout` has passed.
  func waitUntilNone(timeout: Duration) {
    let deadline = ContinuousClock.now + timeout
    while count.load(ordering: .acquiring) > 0 && ContinuousClock.now < deadline { usleep(2_000) }
  }
}
