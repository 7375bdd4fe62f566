/// What colours the terminal can show, and how theme colours map down to them.
public enum ColorMode: Equatable, Sendable, CaseIterable {
  /// NO_COLOR, or a terminal without colours: attributes only (reverse video, bold, underline).
  case none
  /// The eight ANSI colours (`TERM=xterm`, `screen`, `vt220`…): 8–15 do not exist here.
  case ansi8
  case ansi16
  case indexed256
  /// 24-bit colour, through a terminfo entry with direct colour (`xterm-direct`).
  case truecolor

  /// NO_COLOR wins; otherwise the colour count terminfo reports for the terminal in use.
  public static func detect(environment: [String: String], colors: Int) -> ColorMode {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    switch colors {
    case (1 << 24)...: return .truecolor
    case 256...: return .indexed256
    case 16...: return .ansi16
    case 8...: return .ansi8
    default: return .none
    }
  }

  /// Whether the terminal says it takes 24-bit colour (COLORTERM), whatever TERM's entry says.
  public static func terminalAsksForTruecolor(environment: [String: String]) -> Bool {
    ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "")
  }

  /// The direct-colour terminfo entry that goes with `term` (`xterm-256color` → `xterm-direct`).
  public static func directColorEntry(for term: String) -> String? {
    guard !term.isEmpty, !term.hasSuffix("-direct") else { return nil }
    let base = term.hasSuffix("-256color") ? String(term.dropLast("-256color".count)) : term
    return base + "-direct"
  }

  /// The terminal colour number for `color` (one this mode has); -1 is the terminal's default.
  public func terminalColor(_ color: Color) -> Int32 {
    switch (self, color) {
    case (.none, _), (_, .default): return -1
    case (.truecolor, _): return Self.direct(color)
    case (.indexed256, .ansi(let n)): return Int32(n % 16)
    case (.indexed256, .indexed(let n)): return Int32(n)
    case (.indexed256, .rgb(let r, let g, let b)): return Int32(Self.nearest256(r, g, b))
    case (.ansi16, .ansi(let n)): return Int32(n % 16)
    case (.ansi16, .indexed(let n)) where n < 16: return Int32(n)
    case (.ansi16, _): return Int32(Self.nearest16(Self.rgb(of: color)))
    case (.ansi8, .ansi(let n)): return Int32(Self.eightOf(n % 16))
    case (.ansi8, .indexed(let n)) where n < 16: return Int32(Self.eightOf(n))
    case (.ansi8, _): return Int32(Self.nearest8(Self.rgb(of: color)))
    }
  }

  /// One of the 16 ANSI colours among eight: a bright one is its normal twin; grey is white.
  private static func eightOf(_ n: UInt8) -> UInt8 { n < 8 ? n : n == 8 ? 7 : n - 8 }

  /// A direct-colour value: 0xRRGGBB, where values below 8 mean the eight ANSI colours.
  private static func direct(_ color: Color) -> Int32 {
    if case .ansi(let n) = color, n < 8 { return Int32(n) }
    if case .indexed(let n) = color, n < 8 { return Int32(n) }
    let (r, g, b) = rgb(of: color)
    return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
  }

  // MARK: Nearest colours

  /// The xterm 6×6×6 cube or grey ramp entry closest to an RGB colour.
  static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
    let average = (Int(r) + Int(g) + Int(b)) / 3
    let grey = average > 238 ? 255 : 232 + max(0, (average - 8) / 10)
    return UInt8(
      distance(rgb(of: UInt8(grey)), (r, g, b)) < distance(rgb(of: UInt8(cube)), (r, g, b)) ? grey : cube)
  }

  /// The ANSI colour of the same hue, bright when the colour is: by hue rather than RGB distance,
  /// which would turn pastel greens and blues grey.
  static func nearest16(_ c: (UInt8, UInt8, UInt8)) -> UInt8 {
    let (hue, lightness, isGrey) = hueBits(c)
    if isGrey {
      switch lightness {
      case ..<48: return 0
      case ..<112: return 8
      case ..<200: return 7
      default: return 15
      }
    }
    return hue + (max(c.0, c.1, c.2) >= 200 ? 8 : 0)
  }

  /// The same, among eight: greys are black or white.
  static func nearest8(_ c: (UInt8, UInt8, UInt8)) -> UInt8 {
    let (hue, lightness, isGrey) = hueBits(c)
    return isGrey ? (lightness < 100 ? 0 : 7) : hue
  }

  /// The ANSI colour (1–6) whose channels are the colour's strong ones; greys have no hue.
  private static func hueBits(_ c: (UInt8, UInt8, UInt8)) -> (hue: UInt8, lightness: Int, isGrey: Bool) {
    let high = Int(max(c.0, c.1, c.2))
    let low = Int(min(c.0, c.1, c.2))
    let threshold = low + (high - low) * 3 / 5
    let bits =
      (Int(c.0) > threshold ? 1 : 0) | (Int(c.1) > threshold ? 2 : 0) | (Int(c.2) > threshold ? 4 : 0)
    return (UInt8(bits), (high + low) / 2, high - low < 48 || bits == 0 || bits == 7)
  }

  /// The RGB a theme colour stands for.
  static func rgb(of color: Color) -> (UInt8, UInt8, UInt8) {
    switch color {
    case .default: return (0, 0, 0)
    case .ansi(let n): return rgb(of: n % 16)
    case .indexed(let n): return rgb(of: n)
    case .rgb(let r, let g, let b): return (r, g, b)
    }
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
