/// The visible stand-in for a character that must never reach the terminal raw: C0 controls as
/// caret notation (`^A`, `␛` for escape), DEL as `^?`, C1 controls and the bidirectional overrides
/// that could reorder what the reader sees as `<U+XXXX>`. The editor measures with it and the TUI
/// draws it, so the cursor and the glyphs agree.
public enum ControlPicture {
  /// The stand-in, or nil for a character that is drawn as itself. Tab and newline are not
  /// substituted: the editor lays them out.
  public static func substitute(for character: Character) -> String? {
    // Decided on the first UTF-8 byte where it can be, without decoding a scalar: printable ASCII
    // is drawn as itself, and every substituted non-ASCII scalar starts with C2 (U+0080–U+00BF)
    // or E2 (U+2000–U+2FFF), which rules out CJK and most other text.
    guard let lead = character.utf8.first else { return nil }
    if (0x20..<0x7F).contains(lead) || (lead >= 0x80 && lead != 0xC2 && lead != 0xE2) { return nil }
    guard let scalar = character.unicodeScalars.first else { return nil }
    let value = scalar.value
    switch value {
    case 0x09, 0x0A: return nil
    case 0x1B: return "␛"
    case 0x00..<0x20: return "^" + String(Character(Unicode.Scalar(UInt8(value + 0x40))))
    case 0x7F: return "^?"
    case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
      return "<U+\(String(value, radix: 16, uppercase: true))>"
    default: return nil
    }
  }
}
