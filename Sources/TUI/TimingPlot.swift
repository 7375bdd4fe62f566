import Glibc

/// Time against n as text: the fitted curve drawn in braille dots (2×4 to a cell), the measured
/// points as `●` over it. Linear axes, so a quadratic visibly bends where a line would not. Pure.
struct TimingPlot {
  var sizes: [Int]
  var seconds: [Double]
  /// The fitted class in the canonical spelling (`O(n^2)`); a class it does not know draws no curve.
  var fit: String

  /// One row of the plot: the braille cells and which columns hold a measured point.
  struct Row: Equatable {
    var text: String
    var points: Set<Int>
  }

  /// `width` × `height` cells of plot (axis labels are the caller's).
  func rows(width: Int, height: Int) -> [Row] {
    guard width > 0, height > 0, let maxN = sizes.max(), maxN > 0 else { return [] }
    var curve = Self.curve(fit: fit, sizes: sizes, seconds: seconds)
    if let fitted = curve, !fitted(Double(maxN)).isFinite { curve = nil }  // 2^n of a large n
    let dotsWide = width * 2
    let dotsHigh = height * 4
    let curveTop = curve.map { c in sizes.map { c(Double($0)) }.max() ?? 0 } ?? 0
    let top = max(seconds.max() ?? 0, curveTop)
    guard top > 0 else { return [] }
    var dots = [[Bool]](repeating: [Bool](repeating: false, count: dotsWide), count: dotsHigh)
    func dotRow(_ value: Double) -> Int {
      let ratio = value.isFinite ? min(max(value / top, 0), 1) : 1
      let scaled = Int((ratio * Double(dotsHigh - 1)).rounded())
      return dotsHigh - 1 - min(max(scaled, 0), dotsHigh - 1)
    }
    if let curve {
      var previous: Int?
      for x in 0..<dotsWide {
        let n = Double(x) / Double(max(dotsWide - 1, 1)) * Double(maxN)
        let y = dotRow(curve(n))
        // A steep stretch is joined up, so the curve reads as a line rather than scattered dots.
        let from = previous.map { min($0, y) } ?? y
        let to = previous.map { max($0, y) } ?? y
        for row in from...to { dots[row][x] = true }
        previous = y
      }
    }
    var points = [Int: Set<Int>]()
    for (size, time) in zip(sizes, seconds) {
      let column = min(width - 1, Int((Double(size) / Double(maxN) * Double(width - 1)).rounded()))
      points[dotRow(time) / 4, default: []].insert(column)
    }
    return (0..<height).map { row in
      var text = ""
      for column in 0..<width {
        if points[row]?.contains(column) == true {
          text += "●"
          continue
        }
        var bits: UInt32 = 0
        for dy in 0..<4 {
          for dx in 0..<2 where dots[row * 4 + dy][column * 2 + dx] {
            bits |= Self.brailleBit[dy][dx]
          }
        }
        // An empty cell is a space: some fonts draw the blank braille pattern as faint dots.
        text.unicodeScalars.append(bits == 0 ? " " : Unicode.Scalar(0x2800 + bits)!)
      }
      return Row(text: text, points: points[row] ?? [])
    }
  }

  /// The braille dot bits by row and column within a cell (U+2800 + the bits).
  private static let brailleBit: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

  /// t ≈ a + b·g(n), a and b not negative, fitted by least squares weighted by 1/t (each point's
  /// relative error counts alike, as in the analyser's own fit). Nil for a class it does not know.
  static func curve(fit: String, sizes: [Int], seconds: [Double]) -> ((Double) -> Double)? {
    guard let growth = growth(of: fit), sizes.count == seconds.count, !sizes.isEmpty else { return nil }
    var (sw, sg, st, sgg, sgt) = (0.0, 0.0, 0.0, 0.0, 0.0)
    for (size, time) in zip(sizes, seconds) where time > 0 {
      let weight = 1 / (time * time)
      let g = growth(Double(size))
      sw += weight
      sg += weight * g
      st += weight * time
      sgg += weight * g * g
      sgt += weight * g * time
    }
    let determinant = sw * sgg - sg * sg
    var b = abs(determinant) > 1e-300 ? (sw * sgt - sg * st) / determinant : 0
    b = max(0, b.isFinite ? b : 0)
    var a = sw > 0 ? (st - b * sg) / sw : 0
    if a < 0 {
      // The intercept would be negative: fit the slope alone, through the origin.
      a = 0
      b = sgg > 0 ? max(0, sgt / sgg) : 0
    }
    return { n in a + b * growth(n) }
  }

  /// g(n) for the canonical spellings of the classes the timing fit chooses among.
  static func growth(of fit: String) -> ((Double) -> Double)? {
    switch fit {
    case "O(1)": { _ in 0 }
    case "O(log n)": { n in log2(max(n, 1)) }
    case "O(n)": { n in n }
    case "O(n log n)": { n in n * log2(max(n, 1)) }
    case "O(n^2)": { n in n * n }
    case "O(n^3)": { n in n * n * n }
    case "O(2^n)": { n in pow(2, n) }
    default: nil
    }
  }
}
