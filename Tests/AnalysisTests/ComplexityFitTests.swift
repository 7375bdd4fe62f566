import Glibc
import Testing

@testable import Analysis

/// The fit fed synthetic timings: a per-call overhead plus the class's growth, with noise.
@Suite struct ComplexityFitTests {
  /// Deterministic noise in ±`amount` (relative), so a failure repeats.
  struct Noise {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next(_ amount: Double) -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return 1 + amount * (Double(state >> 11) / Double(1 << 53) * 2 - 1)
    }
  }

  static func timings(
    _ kind: ComplexityClass, sizes: [Int], overhead: Double = 2e-6, scale: Double = 1e-7,
    noise: Double = 0.05,
    base: Double = 2
  ) -> [Double] {
    var random = Noise()
    return sizes.map { n in (overhead + scale * kind.growth(Double(n), base: base)) * random.next(noise) }
  }

  static let doubling = (3...16).map { 1 << $0 }

  @Test(arguments: [ComplexityClass.constant, .logarithmic, .linear, .linearithmic, .quadratic, .cubic])
  func recoversPolynomialClasses(_ kind: ComplexityClass) throws {
    let sizes = kind == .cubic ? Array(Self.doubling.prefix(9)) : Self.doubling
    let scale = kind == .logarithmic ? 1e-6 : 1e-7
    let fit = try #require(
      ComplexityFit.fit(sizes: sizes, seconds: Self.timings(kind, sizes: sizes, scale: scale)))
    #expect(fit.best == kind, "slope \(fit.slope), AIC \(fit.aic)")
    if kind != .constant { #expect(fit.r2 > 0.95) }  // a flat line explains no variance: r² says nothing
  }

  @Test func recoversExponentialOfAnyBase() throws {
    // Naive Fibonacci grows as 1.618^n; the sizes step by one and two, as the harness chooses them.
    let sizes = [4, 8, 12, 16, 18, 20, 22, 24, 25, 26]
    let fit = try #require(
      ComplexityFit.fit(
        sizes: sizes, seconds: Self.timings(.exponential, sizes: sizes, scale: 1e-7, base: 1.618)))
    #expect(fit.best == .exponential)
    #expect(fit.slope > 2.5)
  }

  @Test func linearWithLargeOverheadIsStillLinear() throws {
    // The call costs 50 µs whatever n; the growth shows only at the larger sizes.
    let fit = try #require(
      ComplexityFit.fit(
        sizes: Self.doubling, seconds: Self.timings(.linear, sizes: Self.doubling, overhead: 5e-5)))
    #expect(fit.best == .linear)
  }

  @Test func noisyFlatTimingsAreConstant() throws {
    let fit = try #require(
      ComplexityFit.fit(
        sizes: Self.doubling, seconds: Self.timings(.constant, sizes: Self.doubling, noise: 0.2)))
    #expect(fit.best == .constant)
  }

  @Test func tooFewPointsGiveNoFit() {
    #expect(ComplexityFit.fit(sizes: [8, 16, 32], seconds: [1e-6, 2e-6, 4e-6]) == nil)
    #expect(ComplexityFit.fit(sizes: [8, 16, 32, 64], seconds: [0, 0, -1, .nan]) == nil)
  }

  @Test func coefficientsAreNeverNegative() throws {
    // Falling timings (a warming cache) must not fit a negative growth.
    let sizes = Self.doubling
    let seconds = sizes.map { 1e-3 / log2(Double($0)) }
    let fit = try #require(ComplexityFit.fit(sizes: sizes, seconds: seconds))
    for kind in ComplexityClass.allCases {
      if let model = ComplexityFit.model(kind, ns: sizes.map(Double.init), ts: seconds) {
        #expect(model.a >= 0 && model.b >= 0, "\(kind)")
      }
    }
    #expect(fit.best == .constant)
  }

  @Test func slopeOfQuadraticIsTwo() {
    let ns = Self.doubling.map(Double.init)
    let slope = ComplexityFit.logLogSlope(ns: ns, ts: ns.map { $0 * $0 })
    #expect(abs(slope - 2) < 1e-9)
  }
}
