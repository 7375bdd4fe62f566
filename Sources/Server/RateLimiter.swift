/// A token bucket: `burst` submissions at once, refilled at `ratePerSecond`. Pure: the caller
/// passes the time, so tests decide it.
struct TokenBucket: Equatable, Sendable {
  var ratePerSecond: Double
  var burst: Double
  var tokens: Double
  var updatedAt: Double

  init(ratePerSecond: Double, burst: Double, now: Double) {
    self.ratePerSecond = ratePerSecond
    self.burst = burst
    tokens = burst
    updatedAt = now
  }

  /// Takes one token if there is one; otherwise says how many whole seconds until there is.
  mutating func take(now: Double) -> Int? {
    tokens = min(burst, tokens + max(0, now - updatedAt) * ratePerSecond)
    updatedAt = max(updatedAt, now)
    if tokens >= 1 {
      tokens -= 1
      return nil
    }
    return max(1, Int(((1 - tokens) / ratePerSecond).rounded(.up)))
  }
}
