import CNcursesw
import FoundationEssentials
import Glibc

/// The real terminal, through ncursesw. The only file that talks to ncurses: it copies the cell grid
/// to the screen (only the cells that changed) and turns ncurses keys into `InputEvent`s.
public final class NcursesBackend: TerminalBackend {
  private var previous: Grid?
  private var colorPairs: [ColorPairKey: Int16] = [:]
  private let colorMode: ColorMode
  private var isShutDown = false
  private var pasteDecoder = ClipboardPasteDecoder()

  struct ColorPairKey: Hashable {
    var foreground: Int16
    var background: Int16
  }

  public init() {
    setlocale(LC_ALL, "")
    // Without a UTF-8 locale ncursesw silently drops every wide character; C.UTF-8 is always there.
    if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    nc_set_escdelay(25)
    _ = initscr()
    _ = raw()  // Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach the app instead of the tty driver
    _ = noecho()
    _ = nonl()
    _ = keypad(nc_stdscr(), true)
    _ = nodelay(nc_stdscr(), true)
    _ = intrflush(nc_stdscr(), false)
    let environment = ProcessInfo.processInfo.environment
    let wantsColor = environment["NO_COLOR"].map(\.isEmpty) ?? true
    if wantsColor && has_colors() {
      _ = start_color()  // COLORS is only known after this
      _ = use_default_colors()
    }
    colorMode = ColorMode.detect(environment: environment, hasColors: has_colors(), colors: Int(nc_colors()))
    Self.writeToTerminal(ClipboardPasteDecoder.enable)
    // Clicks and the wheel only (no motion reports); Shift-drag still selects text in the terminal.
    _ = mousemask(nc_button1_pressed() | nc_wheel_up() | nc_wheel_down(), nil)
    _ = mouseinterval(0)
  }

  /// Bytes for the terminal itself (mode switches, OSC 52), written past ncurses' buffer.
  public static func writeToTerminal(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if n <= 0 && errno != EINTR { return }
      if n > 0 { bytes = bytes.dropFirst(n) }
    }
  }

  public var size: (width: Int, height: Int) { (Int(nc_cols()), Int(nc_lines())) }

  public var inputDescriptor: Int32 { STDIN_FILENO }

  public func readEvents() -> [InputEvent] {
    var events: [InputEvent] = []
    var character: wint_t = 0
    while true {
      let kind = get_wch(&character)
      if kind == ERR { break }
      if kind == KEY_CODE_YES {
        if Int32(character) == KEY_RESIZE {
          previous = nil
          events.append(.resize(width: Int(nc_cols()), height: Int(nc_lines())))
        } else if Int32(character) == KEY_MOUSE {
          if let mouse = Self.mouseEvent() { events.append(.mouse(mouse)) }
        } else if let key = Self.functionKey(Int32(character)) {
          events.append(.key(key))
        }
      } else if let scalar = Unicode.Scalar(UInt32(character)) {
        events.append(.key(Self.characterKey(scalar)))
      }
    }
    return pasteDecoder.decode(events)
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_IC: return .insert
    case KEY_SLEFT: return .modified(.left, .shift)
    case KEY_SRIGHT: return .modified(.right, .shift)
    case KEY_SR: return .modified(.up, .shift)
    case KEY_SF: return .modified(.down, .shift)
    case KEY_SHOME: return .modified(.home, .shift)
    case KEY_SEND: return .modified(.end, .shift)
    case KEY_SPREVIOUS: return .modified(.pageUp, .shift)
    case KEY_SNEXT: return .modified(.pageDown, .shift)
    case KEY_SDC: return .modified(.delete, .shift)
    case KEY_SIC: return .modified(.insert, .shift)
    case nc_key_f(1)...nc_key_f(24): return .function(Int(code - nc_key_f(0)))
    default: return modifiedKeys[code]
    }
  }

  /// Ctrl, Alt and Shift combinations that terminfo names only as extended keys (kLFT5…): their
  /// codes differ per terminal, so ask ncurses which code each xterm-style sequence got.
  /// Built on first use, after `initscr` has loaded the terminal's keys.
  private static let modifiedKeys: [Int32: Key] = {
    var table: [Int32: Key] = [:]
    let cursorKeys: [(String, Key)] = [
      ("A", .up), ("B", .down), ("C", .right), ("D", .left), ("H", .home), ("F", .end),
    ]
    let tildeKeys: [(Int, Key)] = [(2, .insert), (3, .delete), (5, .pageUp), (6, .pageDown)]
    for parameter in 2...8 {
      let modifiers = Modifiers(xtermParameter: parameter)
      for (final, key) in cursorKeys {
        let code = key_defined("\u{1B}[1;\(parameter)\(final)")
        if code > 0 { table[code] = .modified(key, modifiers) }
      }
      for (number, key) in tildeKeys {
        let code = key_defined("\u{1B}[\(number);\(parameter)~")
        if code > 0 { table[code] = .modified(key, modifiers) }
      }
    }
    return table
  }()

  private static func mouseEvent() -> MouseEvent? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let (x, y) = (Int(event.x), Int(event.y))
    if event.bstate & nc_wheel_up() != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
    if event.bstate & nc_wheel_down() != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
    if event.bstate & nc_button1_pressed() != 0 { return MouseEvent(.press, x: x, y: y) }
    return nil
  }

  static func characterKey(_ scalar: Unicode.Scalar) -> Key {
    switch scalar.value {
    case 0x0D, 0x0A: return .enter
    case 0x09: return .tab
    case 0x7F, 0x08: return .backspace
    case 0x1B: return .escape
    case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(scalar.value + 0x60)!))
    default: return .character(Character(scalar))
    }
  }

  public func present(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
    if old == nil { _ = erase() }
    for y in 0..<grid.height {
      var x = 0
      while x < grid.width {
        let cell = grid[x, y]
        defer { x += max(1, cell.width) }
        if cell.width == 0 { continue }
        if let old, old[x, y] == cell, cell.width == 1 || old[x + 1, y] == grid[x + 1, y] { continue }
        draw(cell, x: x, y: y)
      }
    }
    previous = grid
    if let cursor {
      _ = curs_set(1)
      _ = move(Int32(cursor.y), Int32(cursor.x))
    } else {
      _ = curs_set(0)
    }
    _ = refresh()
  }

  private func draw(_ cell: Cell, x: Int, y: Int) {
    var scalars = cell.text.unicodeScalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
    if scalars.isEmpty { scalars = [0x20] }
    scalars.append(0)
    var complex = cchar_t()
    _ = setcchar(&complex, scalars, attributes(of: cell.style), pair(for: cell.style), nil)
    _ = mvadd_wch(Int32(y), Int32(x), &complex)
  }

  private func attributes(of style: Style) -> attr_t {
    var a = nc_a_normal()
    if style.bold { a |= nc_a_bold() }
    if style.reverse { a |= nc_a_reverse() }
    if style.underline { a |= nc_a_underline() }
    if style.dim { a |= nc_a_dim() }
    if style.italic { a |= nc_a_italic() }
    return a
  }

  private func pair(for style: Style) -> Int16 {
    guard colorMode != .none else { return 0 }
    let key = ColorPairKey(
      foreground: colorMode.terminalColor(style.foreground),
      background: colorMode.terminalColor(style.background))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let known = colorPairs[key] { return known }
    let next = colorPairs.count + 1
    guard next < min(Int(nc_color_pairs()), Int(Int16.max)) else { return 0 }
    _ = init_pair(Int16(next), key.foreground, key.background)
    colorPairs[key] = Int16(next)
    return Int16(next)
  }

  public func shutdown() {
    guard !isShutDown else { return }
    isShutDown = true
    Self.writeToTerminal(ClipboardPasteDecoder.disable)
    _ = endwin()
  }

  deinit { shutdown() }
}
