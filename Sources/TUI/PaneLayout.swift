/// How the screen is split, as the user left it: the editor's share of the width, the output's
/// share of the right column, and whether the focused pane is zoomed to the whole screen. Pure;
/// `App+Layout` turns it into rectangles and `LayoutFile` keeps it between sessions.
public struct PaneLayout: Equatable, Sendable {
  /// Percent of the width the editor takes.
  public var editorPercent = 55
  /// Percent of the right column the output pane takes (the analysis pane has the rest).
  public var outputPercent = 60
  /// The focused pane fills the screen.
  public var zoomed = false

  public init() {}

  static let shares = 20...80
  /// How far one press moves a split, in percent.
  static let step = 5

  mutating func widenEditor(by percent: Int) { editorPercent = Self.clamp(editorPercent + percent) }
  mutating func growOutput(by percent: Int) { outputPercent = Self.clamp(outputPercent + percent) }

  private static func clamp(_ percent: Int) -> Int { min(max(percent, shares.lowerBound), shares.upperBound) }

  /// The layout as the state file keeps it: `key = value` lines.
  public var encoded: String {
    "editor_percent = \(editorPercent)\noutput_percent = \(outputPercent)\nzoomed = \(zoomed)\n"
  }

  /// Reads what `encoded` wrote. A line it does not know, or a value out of range, is skipped:
  /// the file is the app's own memory, and a damaged one only costs the defaults.
  public init(decoding text: String) {
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " \t") }
      guard parts.count == 2 else { continue }
      switch parts[0] {
      case "editor_percent":
        if let value = Int(parts[1]), Self.shares.contains(value) { editorPercent = value }
      case "output_percent":
        if let value = Int(parts[1]), Self.shares.contains(value) { outputPercent = value }
      case "zoomed": if let value = Bool(parts[1]) { zoomed = value }
      default: continue
      }
    }
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }
}
