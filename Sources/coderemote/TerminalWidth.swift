import Glibc

/// The columns help text is wrapped to: the terminal on standard output, else `COLUMNS`, else 80.
/// Measured only when help is printed, so no start-up pays for it.
enum TerminalWidth {
  static func current() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
    if let text = getenv("COLUMNS"), let columns = Int(String(cString: text)), columns > 0 { return columns }
    return 80
  }
}
