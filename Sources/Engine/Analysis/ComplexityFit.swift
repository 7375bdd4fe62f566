import Glibc

/// Which complexity class timings follow: each class's model t ≈ a + b·g(n) fitted by least squares
/// on relative errors (every point counts alike, whatever its size) with a, b ≥ 0; the class
/// chosen by AIC, the simpler one when two are within 2; then cross-checked against the log-log
/// slope of the larger sizes. Pure: fed timings, tested with synthetic ones.
struct ComplexityFit: Equatable, Sendable {
  var best: ComplexityClass
  /// Weighted r² of the chosen model.
  var r2: Double
  /// The log-log slope over the larger half of the sizes.
  var slope: Double
  /// Whether that slope is one the chosen class shows.
  var consistent: Bool
  var aic: [ComplexityClass: Double]

  /// Fewer points than this say nothing about growth.
  static let minimumPoints = 4
  /// How much lower n log n's AIC must be than n's for n log n to be chosen (docs/analysis.md).
  static let linearMargin = 6.0

  struct Model: Equatable {
    var a: Double
    var b: Double
    var base: Double
    var rss: Double
    var r2: Double
  }

  /// nil when there are too few usable points.
  static func fit(sizes: [Int], seconds: [Double]) -> ComplexityFit? {
    let points = zip(sizes, seconds).filter { $0.0 > 0 && $0.1 > 0 && $0.1.isFinite }
    guard points.count >= minimumPoints else { return nil }
    let ns = points.map { Double($0.0) }
    let ts = points.map(\.1)
    var models: [ComplexityClass: Model] = [:]
    var aic: [ComplexityClass: Double] = [:]
    let count = Double(ns.count)
    for kind in ComplexityClass.allCases {
      guard let model = model(kind, ns: ns, ts: ts) else { continue }
      models[kind] = model
      aic[kind] = count * log(max(model.rss / count, 1e-12)) + 2 * Double(kind.parameters)
    }
    guard let lowest = aic.values.min() else { return nil }
    // The simplest class within 2 of the best AIC: more parameters must earn their place.
    var chosen = ComplexityClass.allCases.first { aic[$0].map { $0 - lowest < 2 } ?? false }!
    // n log n must beat n clearly: caches and big integers alone make linear code look a little
    // superlinear over three decades of n, and the two differ by a slope of only 1/ln n.
    if chosen == .linearithmic, let linear = aic[.linear], linear - aic[.linearithmic]! < linearMargin {
      chosen = .linear
    }
    // Growth must be visible: a model whose growing part is under a quarter of the time at the
    // largest size has measured a constant with a little drift (bigger ints, caches).
    if chosen != .constant, let model = models[chosen], let top = ns.last {
      let growth = model.b * chosen.growth(top, base: model.base)
      if growth < 0.25 * (model.a + growth) { chosen = .constant }
    }
    let slope = logLogSlope(ns: ns, ts: ts)
    var consistent = chosen.slopes.contains(slope)
    if !consistent {
      let plausible = ComplexityClass.allCases
        .filter { aic[$0].map { $0 - lowest < 10 } ?? false }
        .filter { $0.slopes.contains(slope) }
        .min { aic[$0]! < aic[$1]! }
      if let plausible {
        chosen = plausible
        consistent = true
      }
    }
    return ComplexityFit(best: chosen, r2: models[chosen]!.r2, slope: slope, consistent: consistent, aic: aic)
  }

  /// The least-squares fit of one class; the exponential tries bases from 1.05 to 4.
  static func model(_ kind: ComplexityClass, ns: [Double], ts: [Double]) -> Model? {
    if kind != .exponential { return model(kind, base: 2, ns: ns, ts: ts) }
    guard ns.max()! <= 1_000 else { return nil }  // 2^n of a larger n is no timing anyone waited for
    return stride(from: 1.05, through: 4.0, by: 0.05)
      .compactMap { model(kind, base: $0, ns: ns, ts: ts) }
      .min { $0.rss < $1.rss }
  }

  private static func model(_ kind: ComplexityClass, base: Double, ns: [Double], ts: [Double]) -> Model? {
    // Scaled so the largest g is 1: the normal equations stay well conditioned.
    let raw = ns.map { kind.growth($0, base: base) }
    let top = raw.map(abs).max() ?? 0
    guard top.isFinite else { return nil }
    let gs = top > 0 ? raw.map { $0 / top } : raw
    let ws = ts.map { 1 / ($0 * $0) }
    let s0 = sum(ws)
    let s1 = sum(zip(ws, gs).map { $0 * $1 })
    let s2 = sum(zip(ws, gs).map { $0 * $1 * $1 })
    let t0 = sum(zip(ws, ts).map { $0 * $1 })
    let t1 = sum((0..<ts.count).map { ws[$0] * gs[$0] * ts[$0] })
    var a = t0 / s0
    var b = 0.0
    let det = s0 * s2 - s1 * s1
    if kind != .constant, s2 > 0 {
      if det > 1e-12 * s0 * s2 {
        a = (t0 * s2 - s1 * t1) / det
        b = (s0 * t1 - s1 * t0) / det
      }
      // The constraints a, b ≥ 0: on the boundary, the other coefficient alone.
      if a < 0 || det <= 1e-12 * s0 * s2 {
        a = 0
        b = t1 / s2
      }
      if b < 0 {
        b = 0
        a = t0 / s0
      }
    }
    let residuals = (0..<ts.count).map { ts[$0] - a - b * gs[$0] }
    let rss = sum((0..<ts.count).map { ws[$0] * residuals[$0] * residuals[$0] })
    let mean = t0 / s0
    let total = sum((0..<ts.count).map { ws[$0] * (ts[$0] - mean) * (ts[$0] - mean) })
    return Model(a: a, b: top > 0 ? b / top : b, base: base, rss: rss, r2: total > 0 ? 1 - rss / total : 1)
  }

  /// The slope of log t against log n over the larger half of the sizes (at least three points),
  /// where a fixed per-call overhead matters least.
  static func logLogSlope(ns: [Double], ts: [Double]) -> Double {
    let start = min(ns.count / 2, max(0, ns.count - 3))
    let xs = ns[start...].map { log($0) }
    let ys = ts[start...].map { log($0) }
    let mx = sum(xs) / Double(xs.count)
    let my = sum(ys) / Double(ys.count)
    let sxx = sum(xs.map { ($0 - mx) * ($0 - mx) })
    let sxy = sum(zip(xs, ys).map { ($0 - mx) * ($1 - my) })
    return sxx > 0 ? sxy / sxx : 0
  }

  private static func sum(_ values: [Double]) -> Double { values.reduce(0, +) }
}
