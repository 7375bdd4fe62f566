import Testing

@testable import TUI

/// Bytes in, keys out: what each terminal sends, split reads, timeouts, and what must never be typed.
@Suite struct KeyDecoderTests {
  /// Decodes `raw` in one read, then as if no more bytes came.
  static func keys(_ raw: String, terminalKeys: [[UInt8]: Key] = [:]) -> [InputEvent] {
    var decoder = KeyDecoder(terminalKeys: terminalKeys)
    return decoder.decode(Array(raw.utf8)) + decoder.timeOut()
  }

  static let esc = "\u{1B}"

  /// What xterm, rxvt, screen, tmux and the Linux console send, whatever TERM says.
  static let sequences: [(String, Key)] = [
    // Home and End: tmux and screen (VT220), xterm normal and application mode, rxvt.
    ("[1~", .home), ("[4~", .end), ("[H", .home), ("[F", .end), ("OH", .home), ("OF", .end),
    ("[7~", .home), ("[8~", .end),
    ("[2~", .insert), ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
    ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("OA", .up), ("OD", .left),
    ("[Z", .backTab),
    // F1–F12: xterm, then rxvt's and the Linux console's F1–F5.
    ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
    ("[15~", .function(5)), ("[17~", .function(6)), ("[18~", .function(7)), ("[19~", .function(8)),
    ("[20~", .function(9)), ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
    ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
    ("[[A", .function(1)), ("[[E", .function(5)),
    // Modified keys, xterm style (tmux sends these whatever TERM is).
    ("[1;2F", .modified(.end, .shift)), ("[1;2H", .modified(.home, .shift)),
    ("[1;5C", .modified(.right, .control)), ("[1;6D", .modified(.left, [.control, .shift])),
    ("[1;3A", .modified(.up, .alt)), ("[1;5H", .modified(.home, .control)),
    ("[1;5F", .modified(.end, .control)),
    ("[3;5~", .modified(.delete, .control)), ("[5;2~", .modified(.pageUp, .shift)),
    ("[1;2R", .modified(.function(3), .shift)), ("[15;5~", .modified(.function(5), .control)),
    // rxvt's modifiers.
    ("[a", .modified(.up, .shift)), ("[c", .modified(.right, .shift)), ("Od", .modified(.left, .control)),
    ("[7$", .modified(.home, .shift)), ("[8^", .modified(.end, .control)),
    ("[25~", .modified(.function(3), .shift)),
    // Old xterm SS3 modifiers.
    ("O2P", .modified(.function(1), .shift)),
    // CSI u and modifyOtherKeys.
    ("[120;3u", .modified(.character("x"), .alt)), ("[27;5;97~", .ctrl("a")),
  ]

  @Test(arguments: sequences) func knownSequences(_ sequence: String, key: Key) {
    #expect(Self.keys(Self.esc + sequence) == [.key(key)], "ESC \(sequence)")
  }

  @Test func unknownSequencesAreDroppedNeverTyped() {
    for unknown in ["[99~", "[1;2X", "[?1;2c", "[I", "[O", "O5", "[1;", "[200", "[38:2:1m"] {
      #expect(Self.keys(Self.esc + unknown).isEmpty, "ESC \(unknown)")
    }
    #expect(Self.keys("\(Self.esc)[99~x") == [.key(.character("x"))])
  }

  @Test func altIsAnEscapePrefix() {
    #expect(Self.keys("\(Self.esc)x") == [.key(.modified(.character("x"), .alt))])
    #expect(Self.keys("\(Self.esc)é") == [.key(.modified(.character("é"), .alt))])
    #expect(Self.keys("\(Self.esc)\u{04}") == [.key(.modified(.ctrl("d"), .alt))])
    #expect(Self.keys("\(Self.esc)\(Self.esc)[A") == [.key(.modified(.up, .alt))])
    #expect(Self.keys("\(Self.esc)\(Self.esc)[1;5C") == [.key(.modified(.right, [.control, .alt]))])
    #expect(Self.keys("\(Self.esc)[") == [.key(.modified(.character("["), .alt))])
    #expect(Self.keys("\(Self.esc)O") == [.key(.modified(.character("O"), .alt))])
  }

  @Test func escapeAloneIsEscapeAfterTheTimeout() {
    var decoder = KeyDecoder()
    #expect(decoder.decode([0x1B]) == [])
    #expect(decoder.isWaiting)
    #expect(decoder.timeOut() == [.key(.escape)])
    #expect(!decoder.isWaiting)
    #expect(Self.keys("\(Self.esc)\(Self.esc)") == [.key(.escape), .key(.escape)])
  }

  @Test func aSequenceSplitAcrossReadsIsOneKey() {
    let sequence = Array("\u{1B}[1;2F".utf8)
    for split in 1..<sequence.count {
      var decoder = KeyDecoder()
      #expect(decoder.decode(sequence[..<split]) == [])
      #expect(decoder.isWaiting)
      #expect(decoder.decode(sequence[split...]) == [.key(.modified(.end, .shift))], "split at \(split)")
    }
  }

  @Test func aSequenceCutShortByTheTimeoutIsDropped() {
    var decoder = KeyDecoder()
    #expect(decoder.decode(Array("\u{1B}[1;2".utf8)) == [])
    #expect(decoder.timeOut() == [])
    #expect(decoder.decode(Array("F".utf8)) == [.key(.character("F"))])
  }

  @Test func textAndControlKeys() {
    #expect(Self.keys("a日🎉") == [.key(.character("a")), .key(.character("日")), .key(.character("🎉"))])
    #expect(Self.keys("\r\t\u{7F}\u{11}") == [.key(.enter), .key(.tab), .key(.backspace), .key(.ctrl("q"))])
    // A character split between reads, and invalid UTF-8 (dropped).
    var decoder = KeyDecoder()
    let bytes = Array("日".utf8)
    #expect(decoder.decode(bytes[..<1]) == [])
    #expect(decoder.decode(bytes[1...]) == [.key(.character("日"))])
    #expect(Self.keys("a\u{FFFD}b").count == 3)
    var invalid = KeyDecoder()
    #expect(invalid.decode([0xFF, 0x61, 0xC3]) + invalid.timeOut() == [.key(.character("a"))])
  }

  @Test func manyKeysInOneRead() {
    #expect(
      Self.keys("x\(Self.esc)[1~\(Self.esc)[4~\(Self.esc)[99~y\(Self.esc)OP")
        == [.key(.character("x")), .key(.home), .key(.end), .key(.character("y")), .key(.function(1))])
  }

  @Test func mouseReports() {
    // SGR (1006): button;x;y, 1-based; M press, m release.
    #expect(Self.keys("\(Self.esc)[<0;5;3M") == [.mouse(MouseEvent(.press, x: 4, y: 2))])
    #expect(Self.keys("\(Self.esc)[<0;5;3m").isEmpty)
    #expect(Self.keys("\(Self.esc)[<64;1;1M") == [.mouse(MouseEvent(.wheelUp, x: 0, y: 0))])
    #expect(Self.keys("\(Self.esc)[<65;200;60M") == [.mouse(MouseEvent(.wheelDown, x: 199, y: 59))])
    #expect(Self.keys("\(Self.esc)[<32;5;3M").isEmpty, "a drag")
    // X10: three bytes offset by 32.
    #expect(Self.keys("\(Self.esc)[M \u{25}\u{23}") == [.mouse(MouseEvent(.press, x: 4, y: 2))])
    #expect(Self.keys("\(Self.esc)[M`!!") == [.mouse(MouseEvent(.wheelUp, x: 0, y: 0))])
    #expect(Self.keys("\(Self.esc)[M#!!").isEmpty, "a release")
  }

  @Test func theTerminalsOwnKeysComeFirst() {
    let odd: [[UInt8]: Key] = [Array("\u{1B}[G".utf8): .home, Array("\u{1B}Ow".utf8): .end]
    #expect(Self.keys("\(Self.esc)[G\(Self.esc)Ow", terminalKeys: odd) == [.key(.home), .key(.end)])
    #expect(Self.keys("\(Self.esc)[G") == [])
  }

  @Test func noiseNeverGrowsWithoutBound() {
    var decoder = KeyDecoder()
    let noise = [0x1B, UInt8(ascii: "[")] + Array(repeating: UInt8(ascii: "1"), count: 1000)
    #expect(decoder.decode(noise) == [])
    #expect(!decoder.isWaiting)
    #expect(decoder.decode(Array("z".utf8)) == [.key(.character("z"))])
  }
}
