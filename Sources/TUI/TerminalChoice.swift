/// Which terminfo entry the screen is drawn with, in which colours, decided before it starts.
///
/// An unknown TERM (a new terminal's name on a server without its entry) would make ncurses exit
/// with "Error opening terminal". Instead the editor draws as a basic terminal every system has,
/// and says so. COLORTERM=truecolor switches to the entry's direct-colour twin when one is
/// installed (ncurses can send 24-bit colours only through such an entry).
public struct TerminalChoice: Equatable, Sendable {
  public var entry: String
  public var colorMode: ColorMode
  /// What the user should be told: TERM was unknown, and what was used instead.
  public var notice: String?

  /// Basic entries that every terminfo installation has, best first.
  static let fallbacks = ["xterm", "vt220", "vt100", "ansi"]

  /// `colorsOf` looks an entry up in terminfo: its colour count (0 or less for none), or nil when
  /// there is no usable entry of that name. Nil when not even a fallback exists.
  public static func choose(environment: [String: String], colorsOf: (String) -> Int?) -> TerminalChoice? {
    let term = environment["TERM"] ?? ""
    var entry = term
    var notice: String?
    var colors: Int
    if !term.isEmpty, let known = colorsOf(term) {
      colors = known
    } else {
      guard let fallback = fallbacks.first(where: { colorsOf($0) != nil }), let known = colorsOf(fallback)
      else { return nil }
      entry = fallback
      colors = known
      let problem = term.isEmpty ? "TERM is not set" : "TERM=\(term) is not a terminal terminfo knows"
      notice =
        "\(problem): drawing as \(fallback), \(max(0, colors)) colours. Install its terminfo entry "
        + "(often in the ncurses-term package) or set TERM, e.g. TERM=xterm-256color."
    }
    if ColorMode.terminalAsksForTruecolor(environment: environment), colors < 1 << 24,
      let direct = ColorMode.directColorEntry(for: entry), let directColors = colorsOf(direct),
      directColors >= 1 << 24
    {
      entry = direct
      colors = directColors
    }
    return TerminalChoice(
      entry: entry, colorMode: ColorMode.detect(environment: environment, colors: max(0, colors)),
      notice: notice)
  }
}
