import Glibc

/// The classes a timing is fitted to, simplest first (the order breaks near-ties).
enum ComplexityClass: String, CaseIterable, Sendable {
  case constant = "O(1)"
  case logarithmic = "O(log n)"
  case linear = "O(n)"
  case linearithmic = "O(n log n)"
  case quadratic = "O(n^2)"
  case cubic = "O(n^3)"
  case exponential = "O(2^n)"

  /// g(n) in t ≈ a + b·g(n). The exponential's base is fitted, not fixed at 2.
  func growth(_ n: Double, base: Double = 2) -> Double {
    switch self {
    case .constant: 0
    case .logarithmic: log2(n)
    case .linear: n
    case .linearithmic: n * log2(n)
    case .quadratic: n * n
    case .cubic: n * n * n
    case .exponential: pow(base, n)
    }
  }

  /// Free parameters of the model, for the AIC: a alone, a and b, or a, b and the base.
  var parameters: Int {
    switch self {
    case .constant: 1
    case .exponential: 3
    default: 2
    }
  }

  /// The log-log slope timings of this class show at the sizes measured; a per-call overhead pulls
  /// it down at small sizes, so the ranges reach below the exponent.
  var slopes: ClosedRange<Double> {
    switch self {
    case .constant: -1...0.3
    case .logarithmic: -0.2...0.6
    case .linear: 0.6...1.35
    case .linearithmic: 0.8...1.6
    case .quadratic: 1.5...2.5
    case .cubic: 2.4...3.6
    case .exponential: 2.5...Double.infinity
    }
  }

  /// The class a static Big-O (with every size called n) falls in, for comparing with a fit;
  /// anything beyond polynomial counts as exponential.
  init?(comparing bigO: String) {
    if let exact = ComplexityClass(rawValue: bigO) {
      self = exact
    } else if bigO.contains("!") || bigO.contains("2^") {
      self = .exponential
    } else {
      return nil
    }
  }
}
