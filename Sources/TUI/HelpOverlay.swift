import Editor

/// F1: a box over the screen listing every key. Scrolls when the terminal is short.
public struct HelpOverlay: Component {
  private(set) var top = 0
  var theme: Theme = .standard
  private var pageHeight = 10

  public init() {}

  /// The help as lines of (text, is a heading).
  static let lines: [(String, Bool)] = {
    let keyWidth = KeyHelp.sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 0
    var lines: [(String, Bool)] = []
    for section in KeyHelp.sections {
      if !lines.isEmpty { lines.append(("", false)) }
      lines.append((section.title, true))
      for (keys, action) in section.entries {
        let padding = String(repeating: " ", count: keyWidth - DisplayWidth.of(keys) + 2)
        lines.append(("  " + keys + padding + action, false))
      }
    }
    return lines
  }()

  public mutating func handle(_ event: InputEvent) -> EventResult {
    guard case .key(let key) = event else { return .ignored }
    let maxTop = max(0, Self.lines.count - pageHeight)
    switch key {
    case .up: top = max(0, top - 1)
    case .down: top = min(maxTop, top + 1)
    case .pageUp: top = max(0, top - pageHeight)
    case .pageDown: top = min(maxTop, top + pageHeight)
    case .home: top = 0
    case .end: top = maxTop
    default: return .ignored
    }
    return .handled
  }

  /// Where the box goes on a screen of this size: centred, at most as big as the help.
  static func frame(width: Int, height: Int) -> Rect {
    let contentWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
    let boxWidth = min(width - 2, contentWidth + 4)
    let boxHeight = min(height - 2, lines.count + 2)
    return Rect(x: (width - boxWidth) / 2, y: (height - boxHeight) / 2, width: boxWidth, height: boxHeight)
  }

  mutating func fit(in rect: Rect) {
    pageHeight = max(1, rect.height - 2)
    top = min(top, max(0, Self.lines.count - pageHeight))
  }

  public func render(in rect: Rect, into grid: inout Grid) {
    guard rect.width >= 4 && rect.height >= 3 else { return }
    grid.fill(rect, style: theme.prompt)
    let horizontal = String(repeating: "─", count: rect.width - 2)
    grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: theme.prompt)
    grid.put(" Keys ", x: rect.x + 2, y: rect.y, style: theme.paneTitleFocused)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      grid.put("│", x: rect.x, y: y, style: theme.prompt)
      grid.put("│", x: rect.maxX - 1, y: y, style: theme.prompt)
    }
    grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: theme.prompt)
    let footer = " Esc or F1 closes · ↑↓ PgUp PgDn scroll "
    grid.put(footer, x: rect.x + 2, y: rect.maxY - 1, style: theme.prompt, maxX: rect.maxX - 1)
    let visible = Self.lines.dropFirst(top).prefix(rect.height - 2)
    for (row, (text, heading)) in visible.enumerated() {
      var style = theme.prompt
      style.bold = heading
      grid.put(text, x: rect.x + 2, y: rect.y + 1 + row, style: style, maxX: rect.maxX - 2)
    }
  }
}
