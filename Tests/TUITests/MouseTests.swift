import Editor
import Testing

@testable import TUI

@Suite struct MouseTests {
  static func app(_ text: String) -> App {
    let app = App.scripted(text: text)
    _ = app.render(width: 80, height: 24)  // lays the panes out
    return app
  }

  @Test func clickPlacesTheCursorByScreenColumn() {
    let app = Self.app("a = 1\n日本 = 2\nz")
    let editor = App.layout(width: 80, height: 24).editor
    let gutter = app.editor.gutterWidth()
    // Line 2, screen column 2: just after the wide 日.
    app.handle(.mouse(MouseEvent(.press, x: editor.x + gutter + 2, y: editor.y + 1)))
    #expect(app.editor.state.cursor == Position(line: 1, column: 1))
  }

  @Test func clickInTheGutterGoesToTheLineStart() {
    let app = Self.app("abc\ndef")
    let editor = App.layout(width: 80, height: 24).editor
    app.handle(.mouse(MouseEvent(.press, x: editor.x, y: editor.y + 1)))
    #expect(app.editor.state.cursor == Position(line: 1, column: 0))
  }

  @Test func clickBelowTheTextGoesToTheLastLine() {
    let app = Self.app("abc\ndef")
    let editor = App.layout(width: 80, height: 24).editor
    app.handle(.mouse(MouseEvent(.press, x: editor.x + 40, y: editor.y + 10)))
    #expect(app.editor.state.cursor == Position(line: 1, column: 3))
  }

  @Test func clickOnTheOutputFocusesItAndBackOnTheEditor() {
    let app = Self.app("x")
    let layout = App.layout(width: 80, height: 24)
    app.handle(.mouse(MouseEvent(.press, x: layout.output.x + 2, y: layout.output.y + 2)))
    #expect(app.focus == .output)
    app.handle(.mouse(MouseEvent(.press, x: layout.editor.x + 5, y: layout.editor.y)))
    #expect(app.focus == .editor)
  }

  @Test func wheelMovesTheEditorThreeLines() {
    let app = Self.app((1...10).map(String.init).joined(separator: "\n"))
    let editor = App.layout(width: 80, height: 24).editor
    app.handle(.mouse(MouseEvent(.wheelDown, x: editor.x + 5, y: editor.y + 5)))
    #expect(app.editor.state.cursor.line == 3)
    app.handle(.mouse(MouseEvent(.wheelUp, x: editor.x + 5, y: editor.y + 5)))
    #expect(app.editor.state.cursor.line == 0)
  }

  @Test func wheelScrollsTheOutputBack() {
    let app = Self.app("")
    app.receive(.execution(.stdout(Array((1...50).map { "line \($0)\n" }.joined().utf8))))
    let output = App.layout(width: 80, height: 24).output
    app.handle(.mouse(MouseEvent(.wheelUp, x: output.x + 2, y: output.y + 2)))
    let screen = app.render(width: 80, height: 24).0.text
    #expect(screen.contains("line 47"))
    #expect(!screen.contains("line 50"))
  }
}
