import CNcursesw
import FoundationEssentials
import Glibc

/// The real terminal, through ncursesw. The only file that talks to ncurses: it copies the cell grid
/// to the screen (only the cells that changed) and reads the keyboard as raw bytes, which
/// `KeyDecoder` turns into events (so keys work whatever TERM says; ncurses' keypad mode knows
/// only the sequences of the terminal TERM names).
public final class NcursesBackend: TerminalBackend {
  private var previous: Grid?
  private var colorPairs: [ColorPairKey: Int32] = [:]
  private let colorMode: ColorMode
  private var isShutDown = false
  private var decoder: KeyDecoder
  /// How long the rest of an escape sequence may take to arrive after its ESC.
  static let escapeDelayMilliseconds: Int32 = 25

  /// Bracketed paste, and mouse clicks and wheel (SGR encoding, X10 where a terminal lacks it);
  /// no motion reports, so Shift-drag still selects text in the terminal.
  static let enableModes = "\u{1B}[?2004h\u{1B}[?1000h\u{1B}[?1006h"
  static let disableModes = "\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?2004l"

  struct ColorPairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// The terminal to draw on, chosen from TERM (falling back to a basic one that exists), before
  /// the screen starts. Nil when terminfo has no usable entry at all.
  public static func chooseTerminal(environment: [String: String]) -> TerminalChoice? {
    TerminalChoice.choose(environment: environment) { name in
      var colors: Int32 = 0
      return nc_probe_terminal(name, &colors) == 0 ? nil : Int(colors)
    }
  }

  public init(_ terminal: TerminalChoice) {
    setlocale(LC_ALL, "")
    // Without a UTF-8 locale ncursesw silently drops every wide character; C.UTF-8 is always there.
    if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    _ = nc_newterm(terminal.entry)
    _ = raw()  // Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach the app instead of the tty driver
    _ = noecho()
    _ = nonl()
    _ = keypad(nc_stdscr(), false)  // bytes, for KeyDecoder
    _ = nodelay(nc_stdscr(), true)
    _ = intrflush(nc_stdscr(), false)
    colorMode = terminal.colorMode
    if colorMode != .none {
      _ = start_color()
      _ = use_default_colors()
    }
    decoder = KeyDecoder(terminalKeys: Self.terminfoKeys())
    Self.writeToTerminal(Self.enableModes)
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
    readAvailable(into: &events)
    // A read that ended inside an escape sequence: give the rest a moment to arrive.
    while decoder.isWaiting {
      var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      guard poll(&input, 1, Self.escapeDelayMilliseconds) > 0 else {
        events += decoder.timeOut()
        break
      }
      readAvailable(into: &events)
    }
    return events
  }

  /// Everything ncurses has for us now: bytes go through the decoder, a resize is an event.
  private func readAvailable(into events: inout [InputEvent]) {
    var bytes: [UInt8] = []
    while true {
      let code = getch()
      if code == ERR { break }
      if code == KEY_RESIZE {
        events += decoder.decode(bytes)
        bytes = []
        previous = nil
        events.append(.resize(width: Int(nc_cols()), height: Int(nc_lines())))
      } else if (0...255).contains(code) {
        bytes.append(UInt8(code))
      }
    }
    events += decoder.decode(bytes)
  }

  /// The key strings this terminal's terminfo entry names, for keys the decoder's tables might
  /// not know in this spelling.
  private static func terminfoKeys() -> [[UInt8]: Key] {
    var capabilities: [(String, Key)] = [
      ("khome", .home), ("kend", .end), ("kich1", .insert), ("kdch1", .delete), ("kpp", .pageUp),
      ("knp", .pageDown), ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
      ("kcbt", .backTab), ("kHOM", .modified(.home, .shift)), ("kEND", .modified(.end, .shift)),
      ("kLFT", .modified(.left, .shift)), ("kRIT", .modified(.right, .shift)),
      ("kri", .modified(.up, .shift)),
      ("kind", .modified(.down, .shift)), ("kDC", .modified(.delete, .shift)),
      ("kIC", .modified(.insert, .shift)), ("kPRV", .modified(.pageUp, .shift)),
      ("kNXT", .modified(.pageDown, .shift)),
    ]
    capabilities += (1...12).map { ("kf\($0)", .function($0)) }
    var keys: [[UInt8]: Key] = [:]
    for (name, key) in capabilities {
      if let value = nc_string_capability(name) { keys[Array(String(cString: value).utf8)] = key }
    }
    return keys
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
    // The pair goes in as an int (the extended form): direct colour needs more than 32767 pairs.
    var pair = pair(for: cell.style)
    _ = setcchar(&complex, scalars, attributes(of: cell.style), 0, &pair)
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

  private func pair(for style: Style) -> Int32 {
    guard colorMode != .none else { return 0 }
    let key = ColorPairKey(
      foreground: colorMode.terminalColor(style.foreground),
      background: colorMode.terminalColor(style.background))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let known = colorPairs[key] { return known }
    let next = colorPairs.count + 1
    guard next < Int(nc_color_pairs()) else { return 0 }
    _ = init_extended_pair(Int32(next), key.foreground, key.background)
    colorPairs[key] = Int32(next)
    return Int32(next)
  }

  public func shutdown() {
    guard !isShutDown else { return }
    isShutDown = true
    Self.writeToTerminal(Self.disableModes)
    _ = endwin()
  }

  deinit { shutdown() }
}
