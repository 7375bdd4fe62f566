/// Makes text safe to draw: tabs become spaces to the next stop, and control characters (the
/// start of every terminal escape sequence) become visible, inert symbols. Nothing a program
/// prints can reach the terminal raw.
public enum VisibleText {
  public struct Segment: Equatable {
    public var text: String
    public var inert: Bool
  }

  /// Splits `line` into drawable segments; `inert` marks substituted control characters.
  public static func segments(_ line: some StringProtocol, tabWidth: Int = 4) -> [Segment] {
    var result: [Segment] = []
    var plain = ""
    var column = 0
    func flush() {
      if !plain.isEmpty { result.append(Segment(text: plain, inert: false)) }
      plain = ""
    }
    for character in line {
      if character == "\t" {
        let spaces = tabWidth - column % tabWidth
        plain += String(repeating: " ", count: spaces)
        column += spaces
      } else if let symbol = substitute(character) {
        flush()
        result.append(Segment(text: symbol, inert: true))
        column += symbol.count
      } else {
        plain.append(character)
        column += 1
      }
    }
    flush()
    return result
  }

  /// The visible stand-in for a control character, or nil for a printable one.
  public static func substitute(_ character: Character) -> String? {
    guard let scalar = character.unicodeScalars.first else { return nil }
    let v = scalar.value
    switch v {
    case 0x1B: return "␛"
    case 0x00..<0x20: return "^" + String(UnicodeScalar(UInt8(v + 0x40)))
    case 0x7F: return "^?"
    case 0x80..<0xA0: return "<U+\(String(v, radix: 16, uppercase: true))>"
    default:
      // Bidi overrides and isolates can reorder what the user reads; show them instead.
      if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
        return "<U+\(String(v, radix: 16, uppercase: true))>"
      }
      return nil
    }
  }
}
