/// A small seeded generator for the property tests: the same cases on every run, so a failure
/// repeats. (A linear congruential step; the high bits are the random ones.)
struct SeededRandom {
  private var state: UInt64

  init(_ seed: UInt64) { state = seed }

  /// A number in `0..<bound`.
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
