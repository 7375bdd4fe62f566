import Editor

/// Where the panes go: editor left, output top-right, analysis bottom-right (hidden while it has
/// nothing to show), the status bar below; or one pane over the whole body while zoomed. The
/// splits move and the zoom toggles by keys (Alt-arrows, Alt-Z); `panes` holds what was chosen.
extension App {
  struct Layout {
    var editor: Rect
    var editorTitle: Rect
    var output: Rect
    var outputTitle: Rect
    var analysis: Rect
    var analysisTitle: Rect
    /// The column of the vertical line between the editor and the right column; nil when zoomed.
    var separatorX: Int?
    var status: Rect
  }

  /// The layout with the default splits and the analysis pane shown.
  static func layout(width: Int, height: Int) -> Layout {
    layout(width: width, height: height, panes: PaneLayout(), showsAnalysis: true, zoomed: nil)
  }

  static func layout(width: Int, height: Int, panes: PaneLayout, showsAnalysis: Bool, zoomed: Pane?) -> Layout
  {
    let bodyHeight = height - 1
    let status = Rect(x: 0, y: height - 1, width: width, height: 1)
    let none = Rect(x: 0, y: 0, width: 0, height: 0)
    if let zoomed {
      var layout = Layout(
        editor: none, editorTitle: none, output: none, outputTitle: none, analysis: none,
        analysisTitle: none, separatorX: nil, status: status)
      let title = Rect(x: 0, y: 0, width: width, height: 1)
      let body = Rect(x: 0, y: 1, width: width, height: bodyHeight - 1)
      switch zoomed {
      case .editor: (layout.editorTitle, layout.editor) = (title, body)
      case .output: (layout.outputTitle, layout.output) = (title, body)
      case .analysis: (layout.analysisTitle, layout.analysis) = (title, body)
      }
      return layout
    }
    let leftWidth = min(max((width * panes.editorPercent) / 100, 10), width - 12)
    let rightX = leftWidth + 1
    let rightWidth = width - rightX
    let outputHeight =
      showsAnalysis ? min(max((bodyHeight * panes.outputPercent) / 100, 3), bodyHeight - 3) : bodyHeight
    return Layout(
      editor: Rect(x: 0, y: 1, width: leftWidth, height: bodyHeight - 1),
      editorTitle: Rect(x: 0, y: 0, width: leftWidth, height: 1),
      output: Rect(x: rightX, y: 1, width: rightWidth, height: outputHeight - 1),
      outputTitle: Rect(x: rightX, y: 0, width: rightWidth, height: 1),
      analysis: showsAnalysis
        ? Rect(x: rightX, y: outputHeight + 1, width: rightWidth, height: bodyHeight - outputHeight - 1)
        : none,
      analysisTitle: showsAnalysis ? Rect(x: rightX, y: outputHeight, width: rightWidth, height: 1) : none,
      separatorX: leftWidth,
      status: status)
  }

  /// Whether the analysis pane has something to show: a result, an analysis going on or one that
  /// failed; or the focus, so a pane given the focus is seen.
  var showsAnalysis: Bool { analysis.status != .none || analysis.result != nil || focus == .analysis }

  /// The layout of a frame of this size, as things stand.
  func layout(width: Int, height: Int) -> Layout {
    Self.layout(
      width: width, height: height, panes: panes, showsAnalysis: showsAnalysis,
      zoomed: panes.zoomed ? focus : nil)
  }

  /// The output pane's text area: its rectangle less the blank column on its left.
  static func outputText(_ rect: Rect) -> Rect {
    Rect(x: rect.x + 1, y: rect.y, width: max(0, rect.width - 1), height: rect.height)
  }

  /// Draws the panes and the status bar: the bottom layer's frame.
  func drawScreen(in screen: Rect, into grid: inout Grid) {
    let layout = self.layout(width: screen.width, height: screen.height)
    lastLayout = layout
    let outputText = Self.outputText(layout.output)
    // First: the hot lines it puts in the editor's gutter are drawn with the editor.
    prepareAnalysis(in: layout.analysis)
    if layout.editor.width > 0 {
      editor.scrollToCursor(
        textWidth: layout.editor.width - editor.gutterWidth(), height: layout.editor.height)
      drawTitle(" \(editor.title) ", in: layout.editorTitle, focused: focus == .editor, into: &grid)
      editor.render(in: layout.editor, into: &grid)
    }
    if layout.output.width > 0 {
      output.fit(width: outputText.width, height: outputText.height)
      drawTitle(output.title, in: layout.outputTitle, focused: focus == .output, into: &grid)
      grid.fill(
        Rect(x: layout.output.x, y: layout.output.y, width: 1, height: layout.output.height),
        style: theme.text)
      output.render(in: outputText, into: &grid)
    }
    if layout.analysis.width > 0 {
      drawTitle(analysis.title, in: layout.analysisTitle, focused: focus == .analysis, into: &grid)
      analysis.render(in: layout.analysis, into: &grid)
    }
    if let separatorX = layout.separatorX {
      for y in 0..<(screen.height - 1) { grid.put("│", x: separatorX, y: y, style: theme.border) }
    }
    drawStatus(in: layout.status, into: &grid)
    screenCursor =
      switch focus {
      case .editor: layout.editor.width > 0 ? editor.cursorLocation(in: layout.editor) : nil
      case .output: layout.output.width > 0 ? output.cursorLocation(in: outputText) : nil
      case .analysis: nil
      }
  }

  // MARK: Commands

  /// Alt-Z: the focused pane over the whole body, and back.
  func toggleZoom() { panes.zoomed.toggle() }

  func moveSplit(editor percent: Int = 0, output outputPercent: Int = 0) {
    panes.zoomed = false
    panes.widenEditor(by: percent)
    panes.growOutput(by: outputPercent)
  }

}

/// The bottom layer: the panes and the status bar, as `App` lays them out and routes events to
/// them. It covers the screen, so nothing below it is ever drawn.
final class ScreenLayer: Layer {
  unowned let app: App

  init(app: App) { self.app = app }

  func handle(_ event: InputEvent, context: LayerContext) -> EventResult { app.handleOnScreen(event) }

  func render(in screen: Rect, into grid: inout Grid, context: LayerContext) {
    app.drawScreen(in: screen, into: &grid)
  }

  func cursor(in screen: Rect) -> (x: Int, y: Int)? { app.screenCursor }

  var coversScreen: Bool { true }
}

extension App {
  /// Reads the layout kept at `path` and keeps it there again on quitting (`saveLayout`).
  public func useLayoutFile(_ path: String) {
    layoutFile = path
    panes = LayoutFile.load(path)
  }

  /// Writes the layout to the file it came from, if it changed; a failure is only said on stderr
  /// by the caller's choice (it returns the reason): the session is over and nothing is lost.
  @discardableResult
  public func saveLayout() -> String? {
    guard let layoutFile, panes != LayoutFile.load(layoutFile) else { return nil }
    return LayoutFile.save(panes, to: layoutFile)
  }
}
