@testable import Sandbox

/// Sandbox uids for the tests that need ones of their own, outside the default range. Each is
/// picked at random from its suite's own band and checked free, not fixed: two worktrees (or a CI
/// job and a developer) running the suite at once on one machine would otherwise fight over the
/// same uid, and one of them would see every warm box refused.
enum TestUids {
  static let warmBoxes = free(count: 1, in: 61_600..<62_600).lowerBound
  static let crashRecovery = free(count: 3, in: 62_600..<63_600)
  static let sweep = free(count: 10, in: 63_600..<64_600)
  static let warmRefill = free(count: 2, in: 64_600..<65_100)

  /// `count` consecutive uids of `band` that no run holds now.
  static func free(count: UInt32, in band: Range<UInt32>) -> ClosedRange<UInt32> {
    var start = band.lowerBound
    for _ in 0..<100 {
      start = UInt32.random(in: band.lowerBound..<(band.upperBound - count))
      let leases = (start..<start + count).map { UidLease.tryAcquire($0) }
      if leases.allSatisfy({ $0 != nil }) { break }
    }
    return start...(start + count - 1)
  }
}
