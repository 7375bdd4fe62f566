/// What the escape sequences terminals send for keys mean: the tables `KeyDecoder` reads.
///
/// Terminals agree on the shape (ECMA-48 `CSI params final` and `SS3 final`) and differ in the
/// details, so the tables are the union of what xterm, rxvt, screen, tmux and the Linux console
/// send, whatever TERM claims. Nothing here overlaps: one sequence means one key everywhere.
enum KeySequences {
  /// `CSI n ~` (VT220 style: xterm, screen, tmux, rxvt, the Linux console), by n. The modifiers come
  /// as a second parameter (`CSI 3;5~` is Ctrl-Delete), or as rxvt's final `$` `^` `@`.
  static let tilde: [Int: Key] = [
    1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown,
    // rxvt's Home and End.
    7: .home, 8: .end,
    // F1–F5 as rxvt and old xterms send them, then F6–F12 everywhere.
    11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
    17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
    23: .function(11), 24: .function(12),
    // rxvt's Shift-F3 … Shift-F10.
    25: .modified(.function(3), .shift), 26: .modified(.function(4), .shift),
    28: .modified(.function(5), .shift), 29: .modified(.function(6), .shift),
    31: .modified(.function(7), .shift), 32: .modified(.function(8), .shift),
    33: .modified(.function(9), .shift), 34: .modified(.function(10), .shift),
  ]

  /// rxvt ends a `CSI n` key with these instead of `~` to say which modifiers were held.
  static let rxvtModifierFinals: [UInt8: Modifiers] = [
    UInt8(ascii: "$"): .shift, UInt8(ascii: "^"): .control, UInt8(ascii: "@"): [.control, .shift],
  ]

  /// `CSI final` and `SS3 final` keys (xterm's normal and application cursor modes), with
  /// modifiers as `CSI 1;m final` (xterm, tmux) or `SS3 m final` (old xterms).
  static let letters: [UInt8: Key] = [
    UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right, UInt8(ascii: "D"): .left,
    UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end,
    UInt8(ascii: "P"): .function(1), UInt8(ascii: "Q"): .function(2), UInt8(ascii: "R"): .function(3),
    UInt8(ascii: "S"): .function(4),
  ]

  /// Only after CSI: Shift-Tab, and rxvt's shifted arrows.
  static let csiOnlyLetters: [UInt8: Key] = [
    UInt8(ascii: "Z"): .backTab,
    UInt8(ascii: "a"): .modified(.up, .shift), UInt8(ascii: "b"): .modified(.down, .shift),
    UInt8(ascii: "c"): .modified(.right, .shift), UInt8(ascii: "d"): .modified(.left, .shift),
  ]

  /// Only after SS3: rxvt's Ctrl-arrows, and the keypad in application mode.
  static let ss3OnlyLetters: [UInt8: Key] = [
    UInt8(ascii: "a"): .modified(.up, .control), UInt8(ascii: "b"): .modified(.down, .control),
    UInt8(ascii: "c"): .modified(.right, .control), UInt8(ascii: "d"): .modified(.left, .control),
    UInt8(ascii: "M"): .enter, UInt8(ascii: "j"): .character("*"), UInt8(ascii: "k"): .character("+"),
    UInt8(ascii: "l"): .character(","), UInt8(ascii: "m"): .character("-"),
    UInt8(ascii: "n"): .character("."),
    UInt8(ascii: "o"): .character("/"), UInt8(ascii: "X"): .character("="),
    UInt8(ascii: "p"): .character("0"), UInt8(ascii: "q"): .character("1"),
    UInt8(ascii: "r"): .character("2"),
    UInt8(ascii: "s"): .character("3"), UInt8(ascii: "t"): .character("4"),
    UInt8(ascii: "u"): .character("5"),
    UInt8(ascii: "v"): .character("6"), UInt8(ascii: "w"): .character("7"),
    UInt8(ascii: "x"): .character("8"),
    UInt8(ascii: "y"): .character("9"),
  ]

  /// The Linux console's F1–F5: `CSI [ A` … `CSI [ E`.
  static let linuxFunctionKeys: [UInt8: Key] = [
    UInt8(ascii: "A"): .function(1), UInt8(ascii: "B"): .function(2), UInt8(ascii: "C"): .function(3),
    UInt8(ascii: "D"): .function(4), UInt8(ascii: "E"): .function(5),
  ]

  /// The key a single byte or character stands for, outside any sequence.
  static func plainKey(_ scalar: Unicode.Scalar) -> Key {
    switch scalar.value {
    case 0x0D, 0x0A: return .enter
    case 0x09: return .tab
    case 0x7F, 0x08: return .backspace
    case 0x1B: return .escape
    case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(scalar.value + 0x60)!))
    default: return .character(Character(scalar))
    }
  }

  /// `key` with `modifiers` added; plain Ctrl-letters and Shift-Tab stay what they are.
  static func adding(_ modifiers: Modifiers, to key: Key) -> Key {
    guard !modifiers.isEmpty else { return key }
    if case .modified(let base, let held) = key { return .modified(base, held.union(modifiers)) }
    return .modified(key, modifiers)
  }
}
