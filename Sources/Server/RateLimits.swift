import Synchronization

/// One token bucket per caller (a token, or the anonymous caller).
final class RateLimits: Sendable {
  private let buckets = Mutex<[String: TokenBucket]>([:])
  private let ratePerSecond: Double
  private let burst: Double

  init(ratePerSecond: Double, burst: Double) {
    self.ratePerSecond = ratePerSecond
    self.burst = burst
  }

  /// Nil when `caller` may go ahead; else the seconds to wait (for `Retry-After`).
  func take(_ caller: String, now: Double) -> Int? {
    buckets.withLock { buckets in
      var bucket = buckets[caller] ?? TokenBucket(ratePerSecond: ratePerSecond, burst: burst, now: now)
      defer { buckets[caller] = bucket }
      return bucket.take(now: now)
    }
  }
}
