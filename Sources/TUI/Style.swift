/// A terminal colour as a theme names it; backends map it to what the terminal supports.
public enum Color: Hashable, Sendable {
  case `default`
  /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
  case ansi(UInt8)
  /// The xterm 256-colour palette.
  case indexed(UInt8)
  case rgb(UInt8, UInt8, UInt8)
}

/// How a cell looks.
public struct Style: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public var dim: Bool
  public var italic: Bool

  public init(
    foreground: Color = .default, background: Color = .default, bold: Bool = false,
    reverse: Bool = false, underline: Bool = false, dim: Bool = false, italic: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
    self.italic = italic
  }

  public static let plain = Style()
}
