import Testing

@testable import TUI

/// A layer that records what reaches it and handles only the keys it is told to.
private final class Recorder: Layer {
  let name: String
  let takes: Set<Key>
  let covers: Bool
  var seen: [InputEvent] = []
  var onHandle: (LayerContext) -> Void = { _ in }

  init(_ name: String, takes: Set<Key> = [], covers: Bool = false) {
    self.name = name
    self.takes = takes
    self.covers = covers
  }

  func handle(_ event: InputEvent, context: LayerContext) -> EventResult {
    seen.append(event)
    onHandle(context)
    if case .key(let key) = event, takes.contains(key) { return .handled }
    if case .mouse = event, takes.isEmpty { return .handled }
    return .ignored
  }

  func render(in screen: Rect, into grid: inout Grid, context: LayerContext) {
    grid.put(name, x: 0, y: 0, style: context.theme.text, maxX: screen.maxX)
  }

  func cursor(in screen: Rect) -> (x: Int, y: Int)? { (name.count, 0) }

  var coversScreen: Bool { covers }
}

@Suite struct CompositorTests {
  var context: LayerContext { LayerContext(theme: .standard, keymap: .standard) }

  @Test func anEventGoesDownUntilALayerTakesIt() {
    let compositor = Compositor()
    let bottom = Recorder("bottom", takes: [.character("a"), .character("b")])
    let top = Recorder("top", takes: [.character("a")])
    compositor.push(bottom)
    compositor.push(top)
    #expect(compositor.handle(.key(.character("a")), context: context))
    #expect(compositor.handle(.key(.character("b")), context: context))
    #expect(!compositor.handle(.key(.character("c")), context: context))
    #expect(top.seen.count == 3)
    #expect(bottom.seen == [.key(.character("b")), .key(.character("c"))])
  }

  @Test func mouseEventsTakeTheSameWay() {
    let compositor = Compositor()
    let bottom = Recorder("bottom")
    let top = Recorder("top", takes: [.escape])
    compositor.push(bottom)
    compositor.push(top)
    compositor.handle(.mouse(MouseEvent(.press, x: 1, y: 1)), context: context)
    #expect(top.seen.count == 1)
    #expect(bottom.seen == [.mouse(MouseEvent(.press, x: 1, y: 1))])
  }

  @Test func aFullScreenLayerHidesThoseBelowAndTheTopPlacesTheCursor() {
    let compositor = Compositor()
    compositor.push(Recorder("screen-one", covers: true))
    compositor.push(Recorder("browser", covers: true))
    compositor.push(Recorder("pop"))
    var grid = Grid(width: 20, height: 2)
    let cursor = compositor.render(in: Rect(x: 0, y: 0, width: 20, height: 2), into: &grid, context: context)
    // "pop" is drawn over "browser"; "screen-one" is never drawn.
    #expect(grid.text.hasPrefix("popwser"))
    #expect(cursor?.x == 3)
  }

  @Test func layersAskTheAppThroughTheirContext() {
    let app = App.scripted()
    let layer = Recorder("asks", takes: [.character("z")])
    layer.onHandle = { context in
      context.dismiss(layer)
      context.perform("select-all")
      context.send { $0.editor.note("sent") }
    }
    app.handle(.key(.character("a")))
    app.push(layer)
    app.handle(.key(.character("z")))
    #expect(app.layer(Recorder.self) == nil)
    #expect(app.editor.state.text == "a")
    #expect(app.editor.state.selectedText == "a")
    #expect(app.editor.message == "sent")
  }

  @Test func ctrlOWithoutADatabaseSaysSo() {
    let app = App.scripted()
    app.handle(.key(.ctrl("o")))
    #expect(app.editor.message?.contains("no snippet database") == true)
    #expect(app.layer(SnippetBrowserLayer.self) == nil)
  }
}
