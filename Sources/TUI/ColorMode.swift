/// What colours the terminal can show, and how theme colours map down to them.
public enum ColorMode: Equatable, Sendable {
  case none
  case ansi16
  case indexed256

  /// NO_COLOR wins; otherwise what terminfo reports (truecolor themes map to the 256 palette).
  public static func detect(environment: [String: String], hasColors: Bool, colors: Int) -> ColorMode {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    guard hasColors else { return .none }
    return colors >= 256 ? .indexed256 : .ansi16
  }

  /// The terminal colour number for `color`; -1 is the terminal's default.
  public func terminalColor(_ color: Color) -> Int16 {
    switch (self, color) {
    case (.none, _), (_, .default): return -1
    case (.ansi16, .ansi(let n)), (.indexed256, .ansi(let n)): return Int16(n % 16)
    case (.indexed256, .indexed(let n)): return Int16(n)
    case (.indexed256, .rgb(let r, let g, let b)): return Int16(Self.nearest256(r, g, b))
    case (.ansi16, .indexed(let n)): return Int16(Self.nearest16(Self.rgb(of: n)))
    case (.ansi16, .rgb(let r, let g, let b)): return Int16(Self.nearest16((r, g, b)))
    }
  }

  /// The xterm 6×6×6 cube or grey ramp entry closest to an RGB colour.
  static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
    let average = (Int(r) + Int(g) + Int(b)) / 3
    let grey = average > 238 ? 255 : 232 + max(0, (average - 8) / 10)
    return UInt8(
      distance(rgb(of: UInt8(grey)), (r, g, b)) < distance(rgb(of: UInt8(cube)), (r, g, b)) ? grey : cube)
  }

  static func nearest16(_ c: (UInt8, UInt8, UInt8)) -> UInt8 {
    UInt8((0..<16).min { distance(rgb(of: UInt8($0)), c) < distance(rgb(of: UInt8($1)), c) }!)
  }

  /// The usual xterm RGB value of a palette entry.
  static func rgb(of index: UInt8) -> (UInt8, UInt8, UInt8) {
    let basic: [(UInt8, UInt8, UInt8)] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
      (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
      (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    let i = Int(index)
    if i < 16 { return basic[i] }
    if i >= 232 {
      let v = UInt8(8 + (i - 232) * 10)
      return (v, v, v)
    }
    let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
    let n = i - 16
    return (steps[n / 36], steps[(n / 6) % 6], steps[n % 6])
  }

  private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
    let dr = Int(a.0) - Int(b.0)
    let dg = Int(a.1) - Int(b.1)
    let db = Int(a.2) - Int(b.2)
    return dr * dr + dg * dg + db * db
  }
}
