import Editor

/// What the program printed, as it arrives. Follows the end unless scrolled back.
public struct OutputPane: Component {
  public var log = OutputLog()
  /// Lines scrolled back from the end; 0 follows new output.
  private(set) var scrollBack = 0
  var placeholder = "Press F5 or Ctrl-R to run."
  var theme: Theme = .standard
  var pageHeight = 10

  public init() {}

  public mutating func handle(_ event: InputEvent) -> EventResult {
    guard case .key(let key) = event else { return .ignored }
    let maxBack = max(0, log.lines.count - 1)
    switch key {
    case .up: scrollBack = min(maxBack, scrollBack + 1)
    case .down: scrollBack = max(0, scrollBack - 1)
    case .pageUp: scrollBack = min(maxBack, scrollBack + pageHeight)
    case .pageDown: scrollBack = max(0, scrollBack - pageHeight)
    case .home: scrollBack = maxBack
    case .end: scrollBack = 0
    default: return .ignored
    }
    return .handled
  }

  /// The wheel scrolls three lines.
  public mutating func wheel(down: Bool) {
    let maxBack = max(0, log.lines.count - 1)
    scrollBack = down ? max(0, scrollBack - 3) : min(maxBack, scrollBack + 3)
  }

  public mutating func clear() {
    log.clear()
    scrollBack = 0
  }

  public func render(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.text)
    guard !rect.isEmpty else { return }
    if log.lines.isEmpty {
      grid.put(placeholder, x: rect.x, y: rect.y, style: theme.hint, maxX: rect.maxX)
      return
    }
    // Only the visible window is decoded, however long the log is.
    let banner = log.droppedLines > 0 ? 1 : 0
    let total = log.lines.count + banner
    let end = total - scrollBack
    let start = max(0, end - rect.height)
    for (row, index) in (start..<end).enumerated() {
      let y = rect.y + row
      if index < banner {
        grid.put(
          "[\(log.droppedLines) earlier lines not kept]", x: rect.x, y: y, style: theme.hint, maxX: rect.maxX)
        continue
      }
      let line = log.lines[index - banner]
      let style = line.stream == .stderr ? theme.stderr : theme.text
      var x = rect.x
      for segment in VisibleText.segments(line.text + (line.clipped ? " […]" : "")) {
        x = grid.put(segment.text, x: x, y: y, style: segment.inert ? theme.inert : style, maxX: rect.maxX)
        if x >= rect.maxX { break }
      }
    }
  }
}
