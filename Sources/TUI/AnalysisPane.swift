/// Complexity analysis of the code. Until the analyser exists it says so, and shows nothing made up.
public struct AnalysisPane: Component {
  var theme: Theme = .standard

  public init() {}

  public mutating func handle(_ event: InputEvent) -> EventResult { .ignored }

  public func render(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.text)
    let message = """
      No analysis yet.
      Complexity analysis (Big-O time and space, with the reasons and the hot lines) is not built yet.
      """
    for (row, line) in WordWrap.lines(message, width: rect.width - 2).enumerated() where row < rect.height {
      grid.put(line, x: rect.x + 1, y: rect.y + row, style: theme.hint, maxX: rect.maxX)
    }
  }
}
