import Execution

/// The complexity analysis of the code: the answer large at the top, then the per-function table,
/// the hot lines (select one and Enter jumps the editor there), the timing plot and the
/// explanation. Taller than its rectangle, it scrolls.
public struct AnalysisPane {
  /// Where the pane's analysis is in its life, as its title and first rows say.
  public enum Status: Equatable, Sendable {
    case none
    case analysing(empirical: Bool)
    case done(fromCache: Bool)
    case failed(String)
    case cancelled(String)
  }

  var theme: Theme = .standard
  /// Which command each key is (the app hands in the user's).
  var keymap = Keymap.standard
  public private(set) var status: Status = .none
  /// The newest analysis, kept while a newer one runs or after one fails.
  public private(set) var result: AnalysisResult?
  /// Set by the app before drawing: the code has changed since `result` was made.
  var isStale = false
  /// Drawn with the selected hot line highlighted only while the pane has the focus.
  var isFocused = false
  /// Something about the result worth saying that is not the result (the cache failed).
  public private(set) var note: String?
  public private(set) var selectedHotspot = 0
  public private(set) var top = 0
  private var jump: Int?
  private var fitted: (rows: [Row], height: Int) = ([], 0)

  public init() {}

  public var title: String {
    switch status {
    case .none: " Analysis "
    case .analysing: " Analysis · analysing… "
    case .done(let fromCache): fromCache ? " Analysis · from cache " : " Analysis "
    case .failed: " Analysis · failed "
    case .cancelled: " Analysis · cancelled "
    }
  }

  public var isAnalysing: Bool {
    if case .analysing = status { return true }
    return false
  }

  mutating func begin(empirical: Bool) {
    status = .analysing(empirical: empirical)
    note = nil
  }

  mutating func show(_ newResult: AnalysisResult, fromCache: Bool) {
    if newResult.hotspots != result?.hotspots { selectedHotspot = 0 }
    result = newResult
    status = .done(fromCache: fromCache)
    isStale = false
  }

  mutating func fail(_ message: String) { status = .failed(message) }

  mutating func cancel(_ why: String) { status = .cancelled(why) }

  mutating func noteCacheProblem(_ message: String) { note = "Not cached: \(message)" }

  /// The line (1-based) Enter asked to go to, once.
  mutating func takeJump() -> Int? {
    defer { jump = nil }
    return jump
  }

  /// The hot lines, 0-based, for the editor's gutter.
  public var hotLines: Set<Int> { Set(result?.hotspots.map { $0.line - 1 } ?? []) }

  // MARK: Keys

  public mutating func handle(_ event: InputEvent) -> EventResult {
    guard case .key(let key) = event, let name = keymap.command(for: key, in: .analysis) else {
      return .ignored
    }
    return perform(name)
  }

  /// Carries out an analysis command (`CommandCatalog.analysis`); leaving is the app's part.
  mutating func perform(_ name: CommandName) -> EventResult {
    let hotspots = result?.hotspots ?? []
    switch name.rawValue {
    case "analysis-up" where !hotspots.isEmpty: selectHotspot(selectedHotspot - 1)
    case "analysis-down" where !hotspots.isEmpty: selectHotspot(selectedHotspot + 1)
    case "analysis-up": top -= 1
    case "analysis-down": top += 1
    case "analysis-page-up": top -= max(1, fitted.height - 1)
    case "analysis-page-down": top += max(1, fitted.height - 1)
    case "analysis-top": top = 0
    case "analysis-bottom": top = fitted.rows.count
    case "analysis-jump" where selectedHotspot < hotspots.count: jump = hotspots[selectedHotspot].line
    default: return .ignored
    }
    clampTop()
    return .handled
  }

  private mutating func selectHotspot(_ index: Int) {
    let count = result?.hotspots.count ?? 0
    selectedHotspot = min(max(index, 0), max(count - 1, 0))
    if let row = fitted.rows.firstIndex(where: { $0.hotspot == selectedHotspot }) {
      if row < top { top = row }
      if row >= top + fitted.height { top = row - fitted.height + 1 }
    }
  }

  private mutating func clampTop() {
    top = max(0, min(top, fitted.rows.count - fitted.height))
  }

  /// A click on a hot line's row (0 = the pane's top row on screen) selects it.
  public mutating func click(row: Int) {
    let index = top + row
    guard index >= 0, index < fitted.rows.count, let hotspot = fitted.rows[index].hotspot else { return }
    selectedHotspot = hotspot
  }

  public mutating func wheel(down: Bool) {
    top += down ? 3 : -3
    clampTop()
  }

  // MARK: Drawing

  /// Lays the rows out for the rectangle the next frame gives the pane (a frame's render cannot
  /// change the scroll position itself).
  mutating func fit(width: Int, height: Int) {
    fitted = (rows(width: width - 1, height: height), max(height, 0))
    clampTop()
  }

  public func render(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.text)
    let rows = fitted.rows.isEmpty ? self.rows(width: rect.width - 1, height: rect.height) : fitted.rows
    for (offset, row) in rows.dropFirst(top).prefix(rect.height).enumerated() {
      let y = rect.y + offset
      let selected = isFocused && row.hotspot == selectedHotspot
      if selected { grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: theme.selection) }
      var x = rect.x + 1
      for span in row.spans {
        x = grid.put(span.text, x: x, y: y, style: selected ? theme.selection : span.style, maxX: rect.maxX)
      }
    }
  }
}
