import Editor
import Execution

/// The pane's content as rows for a width, before scrolling: pure, so every size can be tested.
extension AnalysisPane {
  struct Span: Equatable {
    var text: String
    var style: Style
  }

  struct Row: Equatable {
    var spans: [Span]
    /// The hot line this row shows, when it is one (it can be selected).
    var hotspot: Int?

    init(_ spans: [Span] = [], hotspot: Int? = nil) {
      self.spans = spans
      self.hotspot = hotspot
    }
  }

  /// `width` is what the rows may use after the one-column margin; `height` the pane's, which
  /// sizes the plot.
  func rows(width: Int, height: Int) -> [Row] {
    guard width > 0 else { return [] }
    var rows = statusRows(width: width)
    guard let result else { return rows }
    let badge = Style(
      foreground: theme.paneTitleFocused.foreground, background: theme.paneTitleFocused.background, bold: true
    )
    let label = Style(foreground: theme.text.foreground, bold: true)
    rows.insert(
      Row([
        Span(text: " \(result.time) ", style: badge), Span(text: " time  ", style: label),
        Span(text: " \(result.space) ", style: badge), Span(text: " space", style: label),
      ]), at: 0)
    rows.insert(
      Row([
        Span(
          text: "confidence \(result.confidence.rawValue) · \(result.sources.joined(separator: " + "))",
          style: theme.text)
      ]), at: 1)
    if let disagreement = Self.disagreement(result) {
      rows.insert(contentsOf: wrapped("⚠ " + disagreement, width: width, style: theme.stderr), at: 2)
    }
    if isStale {
      let again = keymap.hintKeys("analyse").map { "; \($0) analyses it again" } ?? ""
      rows += wrapped("The code has changed since\(again).", width: width, style: theme.hint)
    }
    if let note { rows += wrapped(note, width: width, style: theme.hint) }
    rows += functionRows(result, width: width, label: label)
    rows += hotspotRows(result, label: label)
    if let measured = result.empirical {
      rows += plotRows(measured, width: width, height: max(3, min(10, height / 3)), label: label)
    }
    rows.append(Row())
    rows += wrapped(result.explanation, width: width, style: theme.text)
    return rows
  }

  /// What the status adds above (or, with no result yet, instead of) the analysis.
  private func statusRows(width: Int) -> [Row] {
    let text: String
    switch status {
    case .none:
      let analyse =
        keymap.hintKeys("analyse").map { "\($0) analyses the code" }
        ?? "The palette's analyse analyses the code"
      let run = keymap.hintKeys("run", limit: 1).map { "each run, \($0), does too" } ?? "each run does too"
      text = "No analysis yet. \(analyse): Big-O time and space with the reasons and the hot lines (\(run))."
    case .analysing(let empirical):
      let cancel = keymap.hintKeys("cancel").map { " \($0) cancels." } ?? ""
      text = empirical ? "Analysing and timing…" + cancel : "Analysing…"
    case .done: return []
    case .failed(let message): text = "Could not analyse: \(message)"
    case .cancelled(let why): text = "Analysis cancelled (\(why))."
    }
    let style = if case .failed = status { theme.stderr } else { theme.hint }
    return wrapped(text, width: width, style: style)
  }

  /// "static O(n^2); measured O(n) on the inputs tried" when the timed function's static figure
  /// is not the class its timing fitted.
  static func disagreement(_ result: AnalysisResult) -> String? {
    guard let measured = result.empirical,
      let function = result.functions.first(where: { $0.name == measured.function }),
      function.time != measured.fit
    else { return nil }
    return "\(measured.function)(): static \(function.time); measured \(measured.fit) on the inputs tried"
  }

  /// A table at widths that hold it; below that each function takes two rows, figures then reason.
  private func functionRows(_ result: AnalysisResult, width: Int, label: Style) -> [Row] {
    guard !result.functions.isEmpty else { return [] }
    let table = Self.columns(
      [["function", "line", "time", "space", "paths", "why"]]
        + result.functions.map {
          [$0.name, String($0.line), $0.time, $0.space, String($0.cyclomatic), $0.reason]
        })
    if width >= Self.tableWidth {
      return [Row(), Row([Span(text: table[0], style: label)])]
        + table.dropFirst().map { Row([Span(text: $0, style: theme.text)]) }
    }
    var rows = [Row(), Row([Span(text: "Functions", style: label)])]
    for function in result.functions {
      rows.append(
        Row([
          Span(text: "\(function.name):\(function.line)", style: label),
          Span(text: "  \(function.time) time, \(function.space) space", style: theme.text),
        ]))
      rows += wrapped(
        "\(function.cyclomatic) path\(function.cyclomatic == 1 ? "" : "s") · \(function.reason)",
        width: width - 2, style: theme.hint
      )
      .map { Row([Span(text: "  ", style: theme.text)] + $0.spans) }
    }
    return rows
  }

  /// How to reach the hot lines, in the keys as bound: focused, the keys that select and jump;
  /// else, how to get the focus here first.
  private var hotLinesHint: String {
    let move = keymap.hintKeys(["analysis-up", "analysis-down"]) ?? ""
    let jump = keymap.hintKeys("analysis-jump", limit: 1) ?? ""
    if isFocused { return "\(move) select, \(jump) jumps" }
    let focus = keymap.hintKeys("focus-analysis", limit: 1).map { "\($0) or a click" } ?? "a click"
    return "\(focus), then \(move) \(jump)"
  }

  /// The narrowest the function table is drawn at; narrower panes get two rows a function.
  static let tableWidth = 56

  private func hotspotRows(_ result: AnalysisResult, label: Style) -> [Row] {
    guard !result.hotspots.isEmpty else { return [] }
    let header = Row([
      Span(text: "Hot lines", style: label),
      Span(text: "  " + hotLinesHint, style: theme.hint),
    ])
    let table = Self.columns(result.hotspots.map { ["▸ line \($0.line)", $0.cost, $0.why] })
    return [Row(), header]
      + table.enumerated().map { index, text in Row([Span(text: text, style: theme.text)], hotspot: index) }
  }

  private func plotRows(_ measured: AnalysisResult.Empirical, width: Int, height: Int, label: Style) -> [Row]
  {
    var rows = [
      Row(),
      Row([
        Span(text: "Timing \(measured.function)()", style: label),
        Span(text: "  fits \(measured.fit), r² \(measured.r2)", style: theme.text),
      ]),
    ]
    let top = max(measured.seconds.max() ?? 0, 0)
    let topLabel = Self.duration(top)
    let axis = max(DisplayWidth.of(topLabel), 2) + 1
    let plot = TimingPlot(sizes: measured.sizes, seconds: measured.seconds, fit: measured.fit)
    let plotted = plot.rows(width: min(width - axis - 1, Self.plotWidth), height: height)
    guard !plotted.isEmpty else { return rows }
    let pad = { (text: String) in String(repeating: " ", count: max(0, axis - DisplayWidth.of(text))) + text }
    for (index, row) in plotted.enumerated() {
      let mark = index == 0 ? topLabel : index == plotted.count - 1 ? "0" : ""
      var spans = [Span(text: pad(mark) + "│", style: theme.gutter)]
      // Points and curve in their own styles: runs of one kind become one span.
      var run = ""
      var runIsPoint = false
      for (column, character) in row.text.enumerated() {
        let isPoint = row.points.contains(column)
        if isPoint != runIsPoint && !run.isEmpty {
          spans.append(Span(text: run, style: runIsPoint ? theme.statusRunning : theme.hint))
          run = ""
        }
        runIsPoint = isPoint
        run.append(character)
      }
      if !run.isEmpty { spans.append(Span(text: run, style: runIsPoint ? theme.statusRunning : theme.hint)) }
      rows.append(Row(spans))
    }
    let first = measured.sizes.first ?? 0
    let last = measured.sizes.last ?? 0
    rows.append(
      Row([
        Span(
          text: pad("") + "└ n = \(first) … \(last)  ● measured  ⠒ fitted \(measured.fit)",
          style: theme.gutter)
      ]))
    return rows
  }

  /// Wider than this, a plot of a handful of points is mostly empty space.
  static let plotWidth = 72

  private func wrapped(_ text: String, width: Int, style: Style) -> [Row] {
    WordWrap.lines(text, width: width).map { Row([Span(text: $0, style: style)]) }
  }

  /// Columns padded to their widest cell; the last is left ragged (the pane clips it).
  static func columns(_ rows: [[String]]) -> [String] {
    let count = rows.map(\.count).max() ?? 0
    let widths = (0..<count).map { column in
      rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
      }.joined(separator: "  ")
    }
  }

  /// A time for the plot's axis: "1.2s", "35ms", "80µs".
  static func duration(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format1: seconds) + "s" }
    if seconds >= 1e-3 { return "\(Int((seconds * 1e3).rounded()))ms" }
    return "\(Int((seconds * 1e6).rounded()))µs"
  }
}
