import Editor
import Execution
import Foundation
import Testing

@testable import TUI

@Suite struct AnalysisPaneTests {
  static let code = AnalysisFixture.code

  static func app(_ analyzer: ScriptedAnalyzer, cache: MemoryCache? = MemoryCache()) -> App {
    let app = App(backend: ScriptedBackend(), text: code)
    app.connectAnalysis(analyzer, cache: cache)
    return app
  }

  @Test func f7AnalysesOffTheUIThreadAndShowsTheAnswer() async throws {
    let result = try AnalysisFixture.result()
    let cache = MemoryCache()
    let app = Self.app(ScriptedAnalyzer(.success(result)), cache: cache)
    await app.applyNextPost()  // the cache had nothing for this code
    app.handle(.key(.function(7)))
    #expect(app.analysis.isAnalysing)
    #expect(app.focus == .analysis)
    #expect(app.render(width: 80, height: 24).0.text.contains("Analysis · analysing…"))
    await app.settleAnalysis()
    #expect(app.analysis.result == result)
    #expect(app.analysis.status == .done(fromCache: false))
    let screen = app.render(width: 80, height: 24).0.text
    #expect(screen.contains(" O(n^2)  time"))
    #expect(cache.entries.withLock { $0[Self.code] } == result)
  }

  @Test func aNewerRequestCancelsTheOlderOne() async throws {
    let result = try AnalysisFixture.result()
    let analyzer = ScriptedAnalyzer(.success(result), holding: 1)
    let app = Self.app(analyzer, cache: nil)
    app.handle(.key(.function(7)))
    app.handle(.key(.function(7)))
    var signals = analyzer.cancelled.makeAsyncIterator()
    _ = await signals.next()
    await app.settleAnalysis()
    #expect(app.analysis.status == .done(fromCache: false))
    #expect(analyzer.calls.withLock { $0.count } == 2)
  }

  @Test func ctrlCCancelsTheAnalysisAtOnce() async throws {
    let analyzer = ScriptedAnalyzer(.success(try AnalysisFixture.result()), holding: 1)
    let app = Self.app(analyzer, cache: nil)
    app.handle(.key(.function(7)))
    app.handle(.key(.ctrl("c")))
    #expect(app.analysis.status == .cancelled("Ctrl-C"))
    var signals = analyzer.cancelled.makeAsyncIterator()
    _ = await signals.next()  // the analyser itself was told
    #expect(app.render(width: 80, height: 24).0.text.contains("Analysis cancelled (Ctrl-C)."))
  }

  @Test func anEditCancelsTheTimingOfTheOldCode() async throws {
    let analyzer = ScriptedAnalyzer(.success(try AnalysisFixture.result()), holding: 1)
    let app = Self.app(analyzer, cache: nil)
    app.handle(.key(.function(7)))
    app.handle(.key(.escape))
    #expect(app.focus == .editor)
    #expect(app.analysis.isAnalysing)  // moving focus is no edit
    app.handle(.key(.character("x")))
    #expect(app.analysis.status == .cancelled("the code changed"))
    var signals = analyzer.cancelled.makeAsyncIterator()
    _ = await signals.next()
  }

  @Test func theCachedAnalysisOfTheOpenCodeShowsOnConnecting() async throws {
    let result = try AnalysisFixture.result()
    let analyzer = ScriptedAnalyzer(.success(result))
    let app = Self.app(analyzer, cache: MemoryCache([Self.code: result]))
    await app.applyNextPost()
    #expect(app.analysis.status == .done(fromCache: true))
    #expect(app.analysis.title == " Analysis · from cache ")
    #expect(analyzer.calls.withLock { $0.isEmpty })
  }

  @Test func eachRunAnalysesTooAndReusesTheCache() async throws {
    let result = try AnalysisFixture.result()
    let analyzer = ScriptedAnalyzer(.success(result))
    let cache = MemoryCache()
    let app = Self.app(analyzer, cache: cache)
    await app.applyNextPost()
    app.handle(.key(.function(5)))
    #expect(app.focus == .editor)  // a run does not take the focus
    await app.settleAnalysis()
    #expect(app.analysis.status == .done(fromCache: false))
    app.handle(.key(.function(5)))
    await app.settleAnalysis()
    #expect(app.analysis.status == .done(fromCache: true))
    #expect(analyzer.calls.withLock { $0.count } == 1)
  }

  @Test func aRunWithoutAnAnalyserLeavesThePaneAlone() {
    let app = App.scripted()
    app.handle(.key(.function(5)))
    #expect(app.analysis.status == .none)
    app.handle(.key(.function(7)))
    #expect(app.analysis.status == .failed("this session has no analyser"))
  }

  @Test func aSyntaxErrorIsSaidPlainly() async {
    let app = Self.app(ScriptedAnalyzer(.failure(.syntax(line: 3, message: "invalid syntax"))))
    await app.applyNextPost()
    app.handle(.key(.function(7)))
    await app.settleAnalysis()
    #expect(app.analysis.status == .failed("line 3: invalid syntax"))
    #expect(app.render(width: 80, height: 24).0.text.contains("Could not analyse: line 3: invalid"))
  }

  @Test func aBrokenCacheIsNotedAndTheResultStands() async throws {
    let result = try AnalysisFixture.result()
    let app = Self.app(ScriptedAnalyzer(.success(result)), cache: MemoryCache(failing: true))
    await app.applyNextPost()
    #expect(app.analysis.note == "Not cached: disk I/O error")
    app.handle(.key(.function(7)))
    await app.settleAnalysis()
    if app.analysis.note == nil { await app.applyNextPost() }
    #expect(app.analysis.result == result)
    #expect(app.analysis.note == "Not cached: disk I/O error")
  }

  @Test func enterOnAHotLineJumpsTheEditorThere() async throws {
    let result = try AnalysisFixture.result()
    let app = Self.app(ScriptedAnalyzer(.success(result)), cache: nil)
    app.handle(.key(.function(7)))
    await app.settleAnalysis()
    _ = app.render(width: 80, height: 24)
    app.handle(.key(.down))
    #expect(app.analysis.selectedHotspot == min(1, result.hotspots.count - 1))
    app.handle(.key(.enter))
    #expect(app.focus == .editor)
    #expect(app.editor.state.cursor.line == result.hotspots[app.analysis.selectedHotspot].line - 1)
  }

  @Test func aClickOnAHotLineSelectsItAndEnterJumps() async throws {
    var result = try AnalysisFixture.result()
    result.hotspots.append(.init(line: 6, cost: "O(n^2)", why: "counted in the inner loop"))
    let app = Self.app(ScriptedAnalyzer(.success(result)), cache: nil)
    app.handle(.key(.function(7)))
    await app.settleAnalysis()
    app.handle(.key(.escape))
    let screen = app.render(width: 200, height: 60).0.text.split(
      separator: "\n", omittingEmptySubsequences: false)
    let y = try #require(screen.firstIndex { $0.contains("▸ line 6") })
    app.handle(.mouse(MouseEvent(.press, x: 150, y: y)))
    #expect(app.focus == .analysis)
    #expect(app.analysis.selectedHotspot == 1)
    app.handle(.key(.enter))
    #expect(app.editor.state.cursor.line == 5)
  }

  @Test func hotLinesAreMarkedInTheGutterUntilTheCodeChanges() async throws {
    let result = try AnalysisFixture.result()
    let app = Self.app(ScriptedAnalyzer(.success(result)), cache: nil)
    app.handle(.key(.function(7)))
    await app.settleAnalysis()
    app.handle(.key(.escape))
    _ = app.render(width: 80, height: 24)
    let hot = Set(result.hotspots.map { $0.line - 1 })
    #expect(!hot.isEmpty)
    #expect(Set(app.editor.gutterMarks.keys) == hot)
    let screen = app.render(width: 80, height: 24).0.text.split(
      separator: "\n", omittingEmptySubsequences: false)
    for line in hot { #expect(screen[line + 1].prefix(4).contains("▲"), "line \(line + 1)") }
    app.handle(.key(.character("#")))
    let changed = app.render(width: 80, height: 24).0.text
    #expect(app.editor.gutterMarks.isEmpty)
    #expect(changed.contains("The code has changed since"))
  }

  @Test func theStaticAndMeasuredFiguresDisagreeingIsSaid() throws {
    var result = try AnalysisFixture.result()
    #expect(AnalysisPane.disagreement(result) == nil)
    result.empirical?.fit = "O(n)"
    let function = result.empirical?.function ?? ""
    #expect(
      AnalysisPane.disagreement(result) == "\(function)(): static O(n^2); measured O(n) on the inputs tried")
  }

  @Test func theHintsNameTheKeysAsBound() throws {
    var pane = AnalysisPane()
    var keymap = Keymap.standard
    let bound = keymap.bind(.ctrl("j"), to: "analysis-jump")
    #expect(bound)
    keymap.unbind(.enter, in: .analysis)
    keymap.unbind(.function(7), in: .global)
    pane.keymap = keymap
    func says(_ text: String) -> Bool {
      pane.rows(width: 80, height: 24).contains { $0.spans.map(\.text).joined().contains(text) }
    }
    #expect(!says("F7"), "analyse has no key now")
    pane.show(try AnalysisFixture.result(), fromCache: false)
    pane.isFocused = true
    #expect(says("↑/↓ select, ^J jumps"))
    pane.isFocused = false
    #expect(says("Alt-3 or a click, then ↑/↓ ^J"))
  }

  /// The pane alone at the smallest, the usual and a large size, focused, with a real result.
  @Test(arguments: [(40, 12), (80, 24), (200, 60)])
  func paneSnapshots(width: Int, height: Int) throws {
    var pane = AnalysisPane()
    pane.show(try AnalysisFixture.result(), fromCache: false)
    pane.isFocused = true
    pane.fit(width: width, height: height)
    var grid = Grid(width: width, height: height)
    pane.render(in: Rect(x: 0, y: 0, width: width, height: height), into: &grid)
    Snapshot.assert(grid.text, named: "analysis-pane-\(width)x\(height)")
  }

  /// The whole screen after F7, the pane in its corner: hot lines marked in the gutter.
  @Test(arguments: [(40, 12), (80, 24), (200, 60)])
  func screenSnapshots(width: Int, height: Int) async throws {
    let app = Self.app(ScriptedAnalyzer(.success(try AnalysisFixture.result())), cache: nil)
    app.handle(.key(.function(7)))
    await app.settleAnalysis()
    Snapshot.assert(
      app.render(width: width, height: height).0.text, named: "analysis-screen-\(width)x\(height)")
  }

  @Test func theLongPaneScrollsAndKeepsTheSelectedHotLineInView() throws {
    var pane = AnalysisPane()
    var result = try AnalysisFixture.result()
    result.hotspots = (1...30).map { AnalysisResult.Hotspot(line: $0, cost: "O(n)", why: "loop \($0)") }
    pane.show(result, fromCache: false)
    pane.isFocused = true
    pane.fit(width: 40, height: 6)
    for _ in 0..<29 { _ = pane.handle(.key(.down)) }
    #expect(pane.selectedHotspot == 29)
    var grid = Grid(width: 40, height: 6)
    pane.render(in: Rect(x: 0, y: 0, width: 40, height: 6), into: &grid)
    #expect(grid.text.contains("line 30"))
    _ = pane.handle(.key(.home))
    #expect(pane.top == 0)
    _ = pane.handle(.key(.end))
    #expect(pane.top > 0)
  }
}

@Suite struct TimingPlotTests {
  @Test func theCurveFitsQuadraticTimings() throws {
    let sizes = [100, 200, 400, 800, 1600]
    let seconds = sizes.map { 2e-4 + 3e-8 * Double($0 * $0) }
    let curve = try #require(TimingPlot.curve(fit: "O(n^2)", sizes: sizes, seconds: seconds))
    for (size, time) in zip(sizes, seconds) { #expect(abs(curve(Double(size)) - time) / time < 1e-6) }
    #expect(TimingPlot.curve(fit: "O(n!)", sizes: sizes, seconds: seconds) == nil)
  }

  @Test func pointsSitOnTheCurveAndTheLargestIsTopRight() {
    let sizes = [100, 200, 400, 800, 1600]
    let plot = TimingPlot(sizes: sizes, seconds: sizes.map { 1e-8 * Double($0 * $0) }, fit: "O(n^2)")
    let rows = plot.rows(width: 20, height: 5)
    #expect(rows.count == 5)
    #expect(rows[0].points == [19])
    #expect(rows.allSatisfy { $0.text.count == 20 })
    // A quadratic hugs the floor on the left half: nothing above the bottom row there but points.
    for row in rows.dropLast() {
      for (column, character) in row.text.enumerated() where column < 7 && !row.points.contains(column) {
        #expect(character == " ", "row \(rows.firstIndex(of: row)!) column \(column)")
      }
    }
  }

  @Test func nothingToPlotGivesNoRows() {
    #expect(TimingPlot(sizes: [], seconds: [], fit: "O(n)").rows(width: 10, height: 3).isEmpty)
    #expect(TimingPlot(sizes: [1, 2], seconds: [0, 0], fit: "O(n)").rows(width: 10, height: 3).isEmpty)
    // An exponential fit at large n would overflow: the points stay, the curve goes.
    let huge = TimingPlot(sizes: [1_000, 2_000], seconds: [0.1, 0.2], fit: "O(2^n)").rows(
      width: 10, height: 3)
    #expect(huge.count == 3)
  }
}
