/// Turns the bytes a terminal sends into keys, clicks and pastes: bytes in, events out, no I/O.
///
/// The ncurses backend reads raw bytes (keypad mode off) and hands them here, so whether Home
/// works no longer depends on TERM naming the terminal that is really there (inside tmux it often
/// does not). The tables (`KeySequences`) cover xterm, rxvt, screen, tmux and the Linux console;
/// a terminal's own terminfo strings come first. The rules:
/// - a sequence no table knows is dropped whole, never typed as text;
/// - ESC before a key is Alt (`ESC x` is Alt-x, `ESC ESC [A` Alt-Up);
/// - a bracketed paste (`ESC [200~` … `ESC [201~`) is one `.paste`, its contents left as they are;
/// - mouse reports (X10 `CSI M` and SGR `CSI <`) become clicks and wheel turns.
///
/// A read may end inside a sequence. The decoder keeps the bytes and `isWaiting` says so: the
/// caller waits a moment for the rest, then calls `timeOut()`, after which the bytes mean what
/// they mean alone (a lone ESC is the Escape key).
struct KeyDecoder {
  static let pasteStart = Array("\u{1B}[200~".utf8)
  static let pasteEnd = Array("\u{1B}[201~".utf8)
  /// A sequence still unfinished after this many bytes is noise, not a key.
  static let longestSequence = 64

  /// What one step of parsing found at the front of the bytes.
  enum Step: Equatable {
    /// The bytes may be the start of a longer sequence.
    case needMore
    /// `length` bytes make one event, or nothing anyone knows (dropped).
    case consumed(Int, InputEvent?)
    /// `length` bytes open a bracketed paste.
    case pasteStarts(Int)
  }

  /// Bytes read but not yet decoded: an unfinished sequence, or the tail of a paste.
  private var pending: [UInt8] = []
  /// The pasted bytes so far, while inside a bracketed paste.
  private var pasted: [UInt8]?
  /// The terminal's own key strings (from terminfo), tried before the tables.
  private let terminalKeys: [(bytes: [UInt8], key: Key)]

  init(terminalKeys: [[UInt8]: Key] = [:]) {
    // Longest first, so a string that begins another never hides it.
    self.terminalKeys = terminalKeys.filter { $0.key.first == 0x1B && $0.key.count > 1 }
      .map { (bytes: $0.key, key: $0.value) }.sorted { $0.bytes.count > $1.bytes.count }
  }

  /// Whether the last bytes may begin a sequence whose rest has not arrived yet.
  var isWaiting: Bool { pasted == nil && !pending.isEmpty }

  /// The events the bytes complete; an unfinished sequence waits for the next call.
  mutating func decode(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
    pending.append(contentsOf: bytes)
    return decodePending(final: false)
  }

  /// No more bytes came in time: what is pending means what it says alone.
  mutating func timeOut() -> [InputEvent] { decodePending(final: true) }

  private mutating func decodePending(final: Bool) -> [InputEvent] {
    var events: [InputEvent] = []
    var start = 0
    while start < pending.count {
      if pasted != nil {
        guard let end = Self.find(Self.pasteEnd, in: pending[start...]) else {
          // The end marker may be split across reads: keep what could be its beginning.
          let keep = min(pending.count - start, Self.pasteEnd.count - 1)
          pasted! += pending[start..<(pending.count - keep)]
          start = pending.count - keep
          break
        }
        pasted! += pending[start..<end]
        events.append(.paste(Self.pasteText(pasted!)))
        pasted = nil
        start = end + Self.pasteEnd.count
        continue
      }
      switch parse(pending[start...], final: final) {
      case .needMore:
        if pending.count - start <= Self.longestSequence {
          pending.removeFirst(start)
          return events
        }
        start = pending.count
      case .consumed(let length, let event):
        if let event { events.append(event) }
        start += length
      case .pasteStarts(let length):
        pasted = []
        start += length
      }
    }
    pending.removeFirst(start)
    return events
  }

  // MARK: Parsing

  /// What the bytes at the front of `bytes` (never empty) are. With `final`, no more bytes are
  /// coming, so the answer is never `.needMore`.
  func parse(_ bytes: ArraySlice<UInt8>, final: Bool) -> Step {
    let first = bytes[bytes.startIndex]
    if first == 0x1B { return parseEscape(bytes, final: final) }
    if first < 0x80 { return .consumed(1, .key(KeySequences.plainKey(Unicode.Scalar(first)))) }
    return parseUTF8(bytes, final: final)
  }

  private func parseUTF8(_ bytes: ArraySlice<UInt8>, final: Bool) -> Step {
    let first = bytes[bytes.startIndex]
    let length =
      switch first {
      case 0xC2...0xDF: 2
      case 0xE0...0xEF: 3
      case 0xF0...0xF4: 4
      default: 0
      }
    guard length > 0 else { return .consumed(1, nil) }
    guard bytes.count >= length else { return final ? .consumed(1, nil) : .needMore }
    var iterator = bytes.prefix(length).makeIterator()
    var codec = UTF8()
    guard case .scalarValue(let scalar) = codec.decode(&iterator) else { return .consumed(1, nil) }
    return .consumed(length, .key(.character(Character(scalar))))
  }

  private func parseEscape(_ bytes: ArraySlice<UInt8>, final: Bool) -> Step {
    let start = bytes.startIndex
    guard bytes.count >= 2 else { return final ? .consumed(1, .key(.escape)) : .needMore }
    for known in terminalKeys where bytes.starts(with: known.bytes) {
      return .consumed(known.bytes.count, .key(known.key))
    }
    switch bytes[start + 1] {
    case UInt8(ascii: "["):
      let step = parseCSI(bytes)
      guard step == .needMore && final else { return step }
      // Nothing followed: ESC [ alone is Alt-[; a sequence cut short is dropped.
      return bytes.count == 2
        ? .consumed(2, .key(.modified(.character("["), .alt))) : .consumed(bytes.count, nil)
    case UInt8(ascii: "O"):
      guard bytes.count > 2 else {
        return final ? .consumed(2, .key(.modified(.character("O"), .alt))) : .needMore
      }
      let step = parseSS3(bytes)
      return step == .needMore && final ? .consumed(bytes.count, nil) : step
    case 0x1B:
      // ESC ESC: Alt plus the sequence the second one starts, or two presses of Escape.
      switch parseEscape(bytes.dropFirst(), final: final) {
      case .needMore: return .needMore
      case .consumed(let length, .key(let key)) where length > 1:
        return .consumed(length + 1, .key(KeySequences.adding(.alt, to: key)))
      case .consumed(let length, nil) where length > 1: return .consumed(length + 1, nil)
      default: return .consumed(1, .key(.escape))
      }
    default:
      // Alt plus a key: ESC x, ESC Ctrl-x, ESC and a multi-byte character.
      switch parse(bytes.dropFirst(), final: final) {
      case .needMore: return .needMore
      case .consumed(let length, .key(let key)):
        return .consumed(length + 1, .key(KeySequences.adding(.alt, to: key)))
      default: return .consumed(1, .key(.escape))
      }
    }
  }

  /// `ESC [` params intermediates final; also X10 mouse reports and the Linux console's F1–F5.
  private func parseCSI(_ bytes: ArraySlice<UInt8>) -> Step {
    let start = bytes.startIndex
    var index = start + 2
    guard index < bytes.endIndex else { return .needMore }
    switch bytes[index] {
    case UInt8(ascii: "M"):
      // X10 mouse: ESC [ M and three bytes, each offset by 32.
      guard bytes.count >= 6 else { return .needMore }
      let values = bytes[(index + 1)...(index + 3)].map { Int($0) - 32 }
      return .consumed(6, Self.mouse(button: values[0], x: values[1] - 1, y: values[2] - 1, released: false))
    case UInt8(ascii: "["):
      guard bytes.count >= 4 else { return .needMore }
      return .consumed(4, KeySequences.linuxFunctionKeys[bytes[index + 1]].map { .key($0) })
    default: break
    }
    let parametersStart = index
    while index < bytes.endIndex, (0x30...0x3F).contains(bytes[index]) { index += 1 }
    let parameters = bytes[parametersStart..<index]
    while index < bytes.endIndex, (0x20...0x2F).contains(bytes[index]), bytes[index] != UInt8(ascii: "$") {
      index += 1
    }
    guard index < bytes.endIndex else { return .needMore }
    let final = bytes[index]
    guard (0x40...0x7E).contains(final) || final == UInt8(ascii: "$") else {
      // Not a sequence after all: drop what came so far; the odd byte is read on its own.
      return .consumed(index - start, nil)
    }
    let length = index + 1 - start
    if parameters.first == UInt8(ascii: "<") {
      let numbers = Self.numbers(parameters.dropFirst())
      guard numbers.count == 3, let button = numbers[0], let x = numbers[1], let y = numbers[2] else {
        return .consumed(length, nil)
      }
      return .consumed(
        length, Self.mouse(button: button, x: x - 1, y: y - 1, released: final == UInt8(ascii: "m")))
    }
    guard parameters.allSatisfy({ (0x30...0x3B).contains($0) }) else { return .consumed(length, nil) }
    let numbers = Self.numbers(parameters)
    if final == UInt8(ascii: "~") && numbers.first == 200 { return .pasteStarts(length) }
    return .consumed(length, Self.csiKey(final: final, numbers: numbers).map { .key($0) })
  }

  /// `ESC O` final, with old xterms' modifier digit between (`ESC O 5 A`).
  private func parseSS3(_ bytes: ArraySlice<UInt8>) -> Step {
    let start = bytes.startIndex
    var index = start + 2
    while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) { index += 1 }
    guard index < bytes.endIndex else { return .needMore }
    let final = bytes[index]
    guard (0x40...0x7E).contains(final) else { return .consumed(index - start, nil) }
    let modifier = Self.numbers(bytes[(start + 2)..<index]).first.flatMap { $0 }
    let key = KeySequences.letters[final] ?? KeySequences.ss3OnlyLetters[final]
    let modifiers = modifier.map { Modifiers(xtermParameter: $0) } ?? []
    return .consumed(index + 1 - start, key.map { .key(KeySequences.adding(modifiers, to: $0)) })
  }

  /// The key a CSI sequence with numeric parameters stands for, if any.
  static func csiKey(final: UInt8, numbers: [Int?]) -> Key? {
    let modifiers = numbers.count > 1 ? numbers[1].map { Modifiers(xtermParameter: $0) } ?? [] : []
    switch final {
    case UInt8(ascii: "~"):
      // xterm's modifyOtherKeys: CSI 27 ; modifiers ; code ~
      if numbers.first == 27, numbers.count == 3, let code = numbers[2] {
        return characterKey(code: code, modifiers: modifiers)
      }
      return numbers.first.flatMap { $0 }.flatMap { KeySequences.tilde[$0] }
        .map { KeySequences.adding(modifiers, to: $0) }
    case UInt8(ascii: "u"):
      // CSI u (tmux's extended keys, kitty): CSI code ; modifiers u
      return numbers.first.flatMap { $0 }.flatMap { characterKey(code: $0, modifiers: modifiers) }
    default:
      if let held = KeySequences.rxvtModifierFinals[final] {
        return numbers.first.flatMap { $0 }.flatMap { KeySequences.tilde[$0] }
          .map { KeySequences.adding(held, to: $0) }
      }
      return (KeySequences.letters[final] ?? KeySequences.csiOnlyLetters[final])
        .map { KeySequences.adding(modifiers, to: $0) }
    }
  }

  /// A character key reported by its code point, with Ctrl folded in the way a terminal would.
  private static func characterKey(code: Int, modifiers: Modifiers) -> Key? {
    guard let scalar = Unicode.Scalar(UInt32(clamping: code)) else { return nil }
    var key = KeySequences.plainKey(scalar)
    var rest = modifiers
    if modifiers.contains(.control), case .character(let c) = key, let ascii = c.asciiValue,
      (0x61...0x7A).contains(ascii | 0x20)
    {
      key = .ctrl(Character(Unicode.Scalar(ascii | 0x20)))
      rest.remove(.control)
    }
    if case .character = key { rest.remove(.shift) }  // Shift already chose the character
    return KeySequences.adding(rest, to: key)
  }

  /// A press of the first button, or a wheel turn; other buttons, releases and drags are dropped.
  private static func mouse(button: Int, x: Int, y: Int, released: Bool) -> InputEvent? {
    guard !released, x >= 0, y >= 0 else { return nil }
    // Bits 4, 8 and 16 are Shift, Meta and Ctrl; 32 is motion.
    switch button & ~(4 | 8 | 16) {
    case 0: return .mouse(MouseEvent(.press, x: x, y: y))
    case 64: return .mouse(MouseEvent(.wheelUp, x: x, y: y))
    case 65: return .mouse(MouseEvent(.wheelDown, x: x, y: y))
    default: return nil
    }
  }

  /// `1;5` as [1, 5]; an empty parameter is nil.
  private static func numbers(_ bytes: ArraySlice<UInt8>) -> [Int?] {
    bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { digits in
      digits.isEmpty || digits.count > 6
        ? nil : digits.reduce(0) { $0 * 10 + Int($1) - 0x30 }
    }
  }

  /// Pasted bytes as text: terminals send line breaks as CR.
  private static func pasteText(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self).replacing("\r\n", with: "\n").replacing("\r", with: "\n")
  }

  private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    return (haystack.startIndex...(haystack.endIndex - needle.count)).first { start in
      haystack[start..<(start + needle.count)].elementsEqual(needle)
    }
  }
}
