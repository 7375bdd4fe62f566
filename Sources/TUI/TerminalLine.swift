import Editor

/// One line of program output as a terminal would leave it on screen: SGR sequences (`ESC [ … m`)
/// set colour and attributes, a carriage return moves back to the start and later text overwrites
/// what was there (a progress bar shows its last state). Everything else that could steer a
/// terminal — other CSI sequences, OSC (titles, clipboard), lone control characters — stays inert:
/// shown as its visible `ControlPicture` and the text after it, never obeyed. Pure: bytes in,
/// styled runs out.
struct TerminalLine: Equatable {
  /// A stretch of characters drawn in one style. `style` carries only what the program asked for
  /// (`.default` colours where it asked for none); the pane lays it over the theme.
  struct Run: Equatable {
    var text: String
    var style: Style
    var inert = false
  }

  private(set) var runs: [Run] = []
  /// The pen after the line: SGR state carries on to the next line, as on a terminal.
  private(set) var endStyle: Style

  /// Interprets `bytes` starting with `style` as the pen. With `interpretSGR` false the SGR
  /// sequences stay visible too (the raw view).
  init(_ bytes: some Collection<UInt8>, style: Style = .plain, interpretSGR: Bool = true, tabWidth: Int = 4) {
    var cells: [(character: Character, style: Style, inert: Bool)] = []
    var cursor = 0
    var pen = style
    func put(_ character: Character, inert: Bool = false) {
      let cell = (character, pen, inert)
      if cursor < cells.count { cells[cursor] = cell } else { cells.append(cell) }
      cursor += 1
    }
    let characters = Array(String(decoding: bytes, as: UTF8.self))
    var i = 0
    while i < characters.count {
      let character = characters[i]
      switch character {
      case "\r":
        cursor = 0
        i += 1
      case "\t":
        let spaces = tabWidth - cursor % tabWidth
        for _ in 0..<spaces { put(" ") }
        i += 1
      case "\u{1B}" where interpretSGR:
        if let (parameters, end) = Self.sgrSequence(in: characters, at: i) {
          pen = Self.apply(parameters, to: pen)
          i = end
        } else {
          for symbol in ControlPicture.substitute(for: character)! { put(symbol, inert: true) }
          i += 1
        }
      default:
        if let picture = ControlPicture.substitute(for: character) {
          for symbol in picture { put(symbol, inert: true) }
        } else {
          put(character)
        }
        i += 1
      }
    }
    endStyle = pen
    for cell in cells {
      if var last = runs.last, last.style == cell.style, last.inert == cell.inert {
        last.text.append(cell.character)
        runs[runs.count - 1] = last
      } else {
        runs.append(Run(text: String(cell.character), style: cell.style, inert: cell.inert))
      }
    }
  }

  /// The line's characters without styling (what find searches and copy copies).
  var text: String { runs.map(\.text).joined() }

  /// `ESC [ params m` at `start`: its numeric parameters (`;` or `:` separated, empty = 0) and the
  /// index after it. Nil for anything else, which then shows inert.
  static func sgrSequence(in characters: [Character], at start: Int) -> ([Int], Int)? {
    guard start + 2 < characters.count, characters[start + 1] == "[" else { return nil }
    var parameters: [Int] = []
    var current: Int?
    var i = start + 2
    while i < characters.count, i - start < 64 {
      let character = characters[i]
      switch character {
      case "0"..."9":
        current = min(99_999, (current ?? 0) * 10 + Int(character.asciiValue! - 0x30))
      case ";", ":":
        parameters.append(current ?? 0)
        current = nil
      case "m":
        parameters.append(current ?? 0)
        return (parameters, i + 1)
      default:
        return nil
      }
      i += 1
    }
    return nil
  }

  /// The pen after an SGR sequence's parameters.
  static func apply(_ parameters: [Int], to style: Style) -> Style {
    var pen = style
    var i = 0
    func color(at index: Int) -> (Color, Int)? {
      guard index < parameters.count else { return nil }
      switch parameters[index] {
      case 5 where index + 1 < parameters.count:
        return (.indexed(UInt8(clamping: parameters[index + 1])), 2)
      case 2 where index + 3 < parameters.count:
        return (
          .rgb(
            UInt8(clamping: parameters[index + 1]), UInt8(clamping: parameters[index + 2]),
            UInt8(clamping: parameters[index + 3])), 4
        )
      default: return nil
      }
    }
    while i < parameters.count {
      let p = parameters[i]
      switch p {
      case 0: pen = .plain
      case 1: pen.bold = true
      case 2: pen.dim = true
      case 3: pen.italic = true
      case 4: pen.underline = true
      case 7: pen.reverse = true
      case 22:
        pen.bold = false
        pen.dim = false
      case 23: pen.italic = false
      case 24: pen.underline = false
      case 27: pen.reverse = false
      case 30...37: pen.foreground = .ansi(UInt8(p - 30))
      case 39: pen.foreground = .default
      case 40...47: pen.background = .ansi(UInt8(p - 40))
      case 49: pen.background = .default
      case 90...97: pen.foreground = .ansi(UInt8(p - 90 + 8))
      case 100...107: pen.background = .ansi(UInt8(p - 100 + 8))
      case 38, 48:
        guard let (value, used) = color(at: i + 1) else { return pen }
        if p == 38 { pen.foreground = value } else { pen.background = value }
        i += used
      default: break  // blink, conceal, fonts…: ignored, as many terminals do
      }
      i += 1
    }
    return pen
  }
}
