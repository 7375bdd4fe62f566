import Foundation
import Testing

@testable import TUI

@Suite struct LayoutTests {
  static let sizes = [(40, 12), (80, 24), (200, 60)]

  @Test func theAnalysisPaneHidesWhileItHasNothingToShow() {
    let app = App.scripted()
    #expect(!app.render(width: 80, height: 24).0.text.contains("Analysis"))
    #expect(app.layout(width: 80, height: 24).output.height == 22)
    app.handle(.key(.modified(.character("3"), .alt)))
    #expect(app.focus == .analysis)
    #expect(app.render(width: 80, height: 24).0.text.contains("No analysis yet"))
  }

  @Test func altKeysMoveTheFocus() {
    let app = App.scripted()
    app.handle(.key(.modified(.character("2"), .alt)))
    #expect(app.focus == .output)
    app.handle(.key(.modified(.character("1"), .alt)))
    #expect(app.focus == .editor)
  }

  @Test func altArrowsMoveTheSplitsWithinBounds() {
    let app = App.scripted()
    app.handle(.key(.modified(.right, .alt)))
    #expect(app.panes.editorPercent == 60)
    #expect(app.layout(width: 80, height: 24).separatorX == 48)
    for _ in 0..<20 { app.handle(.key(.modified(.left, .alt))) }
    #expect(app.panes.editorPercent == 20)
    app.handle(.key(.modified(.down, .alt)))
    #expect(app.panes.outputPercent == 65)
    app.perform("reset-layout")
    #expect(app.panes == PaneLayout())
  }

  @Test func zoomFillsTheScreenWithTheFocusedPaneAndFollowsTheFocus() {
    let app = App.scripted(text: "print(1)")
    app.handle(.key(.modified(.character("z"), .alt)))
    var layout = app.layout(width: 80, height: 24)
    #expect(layout.editor == Rect(x: 0, y: 1, width: 80, height: 22))
    #expect(layout.output.width == 0 && layout.separatorX == nil)
    app.handle(.key(.function(6)))
    layout = app.layout(width: 80, height: 24)
    #expect(layout.output.width == 80 && layout.editor.width == 0)
    app.handle(.key(.modified(.character("z"), .alt)))
    #expect(app.layout(width: 80, height: 24).separatorX == 44)
  }

  @Test func theLayoutIsKeptAsPlainLines() {
    var panes = PaneLayout()
    panes.widenEditor(by: 10)
    panes.growOutput(by: -15)
    panes.zoomed = true
    #expect(PaneLayout(decoding: panes.encoded) == panes)
    // A damaged file costs only the values it damaged.
    let damaged = PaneLayout(decoding: "editor_percent = 95\noutput_percent = 30\nnonsense\nzoomed = maybe\n")
    #expect(damaged.editorPercent == 55 && damaged.outputPercent == 30 && !damaged.zoomed)
  }

  @Test func theLayoutFileIsReadAndWritten() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID())").path
    let path = root + "/state/coderemote/layout"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let app = App.scripted()
    app.useLayoutFile(path)
    #expect(app.panes == PaneLayout())
    app.handle(.key(.modified(.left, .alt)))
    #expect(app.saveLayout() == nil)
    let again = App.scripted()
    again.useLayoutFile(path)
    #expect(again.panes.editorPercent == 50)
  }

  @Test(arguments: sizes) func zoomedSnapshot(width: Int, height: Int) {
    let app = App.scripted(text: "def f(x):\n    return x * 2\n")
    app.handle(.key(.modified(.character("z"), .alt)))
    Snapshot.assert(app.render(width: width, height: height).0.text, named: "zoomed-\(width)x\(height)")
  }

  @Test(arguments: sizes) func resizedSnapshot(width: Int, height: Int) {
    let app = App.scripted(text: "def f(x):\n    return x * 2\n")
    app.handle(.key(.modified(.character("3"), .alt)))
    for _ in 0..<3 { app.handle(.key(.modified(.left, .alt))) }
    app.handle(.key(.modified(.up, .alt)))
    Snapshot.assert(app.render(width: width, height: height).0.text, named: "resized-\(width)x\(height)")
  }
}
