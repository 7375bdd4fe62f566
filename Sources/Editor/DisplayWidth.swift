/// How many terminal columns text takes: by grapheme cluster, so CJK and emoji take 2 and
/// combining marks ride on the character before them.
public enum DisplayWidth {
  /// Columns one grapheme cluster occupies (0, 1 or 2). Control characters report 1 here; a
  /// renderer shows them with a visible substitute.
  public static func of(_ character: Character) -> Int {
    // Most code is ASCII: one column, without looking up Unicode properties. (The UTF-8 count is
    // stored in the character; `isASCII` would compare it with "\r\n" first.)
    if character.utf8.count == 1 { return 1 }
    let scalars = character.unicodeScalars
    var iterator = scalars.makeIterator()
    guard let first = iterator.next() else { return 0 }
    if iterator.next() != nil {
      // A text presentation selector asks for the narrow glyph.
      if scalars.contains(where: { $0.value == 0xFE0E }) { return 1 }
      // An emoji presentation selector or a ZWJ sequence makes the whole cluster one wide glyph.
      if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
      if scalars.contains(where: { (0x1F1E6...0x1F1FF).contains($0.value) }) { return 2 }  // flags
    }
    return of(first)
  }

  /// Columns a single scalar takes when it starts a cluster.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 }
    // CJK ideographs and Hangul syllables, the bulk of wide text, are letters (never marks or
    // emoji): wide without looking up their Unicode properties.
    if (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) { return 2 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format where v != 0x00AD: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return isWide(v) ? 2 : 1
  }

  /// Columns a whole string takes.
  @_specialize(exported:true,where S == String)
  @_specialize(exported:true,where S == Substring)
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    // ASCII is a column a byte, without breaking it into characters; "\r\n" is one character.
    if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return text.utf8.count }
    return text.reduce(0) { $0 + of($1) }
  }

  /// Columns a character takes on screen when it starts at `column`: a tab reaches the next tab
  /// stop, a control character takes the width of its visible stand-in (`ControlPicture`).
  public static func onScreen(_ character: Character, atColumn column: Int, tabWidth: Int) -> Int {
    // A one-byte character is ASCII; a tab is always a cluster of its own.
    if character.utf8.count == 1, let byte = character.utf8.first {
      if byte >= 0x20 && byte != 0x7F { return 1 }
      if byte == 0x09 { return tabWidth - column % tabWidth }
    }
    if let picture = ControlPicture.substitute(for: character) { return picture.count }
    return of(character)
  }

  /// Columns `text` takes on screen from column 0, with tabs and control characters as drawn.
  public static func onScreen<S: StringProtocol>(_ text: S, tabWidth: Int) -> Int {
    text.reduce(0) { $0 + onScreen($1, atColumn: $0, tabWidth: tabWidth) }
  }

  /// East Asian Wide and Fullwidth ranges (Unicode 15, condensed).
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
    0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
    0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  private static func isWide(_ v: UInt32) -> Bool {
    if v < 0x1100 { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let mid = (low + high) / 2
      if v < wideRanges[mid].lowerBound {
        high = mid - 1
      } else if v > wideRanges[mid].upperBound {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
