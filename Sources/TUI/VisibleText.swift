import Editor

/// Makes text safe to draw: tabs become spaces to the next stop, and control characters (the
/// start of every terminal escape sequence) become their visible, inert `ControlPicture`s. Nothing
/// a program prints can reach the terminal raw.
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
      } else if let symbol = ControlPicture.substitute(for: character) {
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
}
