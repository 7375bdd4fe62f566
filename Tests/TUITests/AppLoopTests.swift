import Execution
import Testing

@testable import TUI

/// The app loop against the headless terminal: input in, frames out, no real terminal.
@Suite struct AppLoopTests {
  @Test func keysBecomeEditsInTheNextFrame() {
    let terminal = HeadlessBackend(width: 80, height: 24)
    let app = App.scripted()
    let loop = AppLoop(app: app, terminal: terminal)
    terminal.pendingEvents = [.key(.character("o")), .key(.character("k"))]
    loop.step()
    let frame = terminal.lastFrame
    #expect(frame?.text.split(separator: "\n")[1].hasPrefix(" 1 ok") == true)
    #expect(terminal.lastCursor.map { [$0.x, $0.y] } == [5, 1])
  }

  @Test func resizeRedrawsAtTheNewSize() {
    let terminal = HeadlessBackend(width: 80, height: 24)
    let loop = AppLoop(app: App.scripted(), terminal: terminal)
    terminal.pendingEvents = [.resize(width: 120, height: 40)]
    loop.step()
    #expect(terminal.lastFrame?.width == 120)
    #expect(terminal.lastFrame?.height == 40)
  }

  @Test func runEventsReachTheScreen() async {
    let result = ScriptedBackend.result(status: .ok, exitCode: 0, stdout: "streamed\n")
    let terminal = HeadlessBackend(width: 80, height: 24)
    let app = App.scripted([.started(id: "t"), .stdout(Array("streamed\n".utf8)), .finished(result)])
    let loop = AppLoop(app: app, terminal: terminal)
    terminal.pendingEvents = [.key(.function(5))]
    loop.step()
    await app.settle { loop.step() }
    #expect(terminal.lastFrame?.text.contains("│ streamed") == true)
    #expect(terminal.lastFrame?.text.contains("✓ ok · exit 0") == true)
  }

  @Test func quitStopsDrawing() {
    let terminal = HeadlessBackend(width: 80, height: 24)
    let app = App.scripted()
    let loop = AppLoop(app: app, terminal: terminal)
    loop.step()
    let frames = terminal.frameCount
    terminal.pendingEvents = [.key(.ctrl("q"))]
    loop.step()
    #expect(app.shouldQuit)
    #expect(terminal.frameCount == frames)
  }
}
