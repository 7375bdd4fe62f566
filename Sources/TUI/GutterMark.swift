/// A sign in the editor's gutter beside a line's number, put there by another part of the app
/// (the analysis's hot lines; later others). One per line: the app decides which wins.
public enum GutterMark: Equatable, Sendable {
  /// A line the complexity analysis found costly.
  case hotspot
  /// The program's line in the last run's traceback (F8 goes there).
  case error

  var symbol: String {
    switch self {
    case .hotspot: "▲"
    case .error: "✗"
    }
  }

  func style(in theme: Theme) -> Style {
    switch self {
    case .hotspot: theme.statusRunning
    case .error: theme.statusError
    }
  }
}
