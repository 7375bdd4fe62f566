import Foundation
import Testing

@testable import TUI

/// Headless snapshots of the browser over the editor, at three sizes: the filtered list with its
/// highlights, the empty state, the run history, a diff and a prompt. Under each screen, a map of
/// the cells drawn as matches (`^`) and as the selection (`=`).
@Suite("Snippet browser snapshots")
struct BrowserSnapshotTests {
  static let sizes = [(40, 12), (80, 24), (200, 60)]

  func screen(_ app: App, width: Int, height: Int) -> String {
    let (grid, _) = app.render(width: width, height: height)
    var marks: [String] = []
    for y in 0..<height {
      var row = ""
      for x in 0..<width {
        let style = grid[x, y].style
        row.append(style == app.theme.searchMatch ? "^" : style == app.theme.selection ? "=" : " ")
      }
      while row.last == " " { row.removeLast() }
      if !row.isEmpty { marks.append(String(format: "%2d ", y) + row) }
    }
    return grid.text + "\n--- marks\n" + marks.joined(separator: "\n")
  }

  func check(_ app: App, _ name: String) {
    for (width, height) in Self.sizes {
      let result = BrowserSnapshot.matches(
        screen(app, width: width, height: height), named: "\(name)-\(width)x\(height)")
      #expect(result.ok, "\(result.detail)")
    }
  }

  func type(_ text: String, into app: App) {
    for character in text { app.handle(.key(.character(character))) }
  }

  @Test func filteredList() throws {
    let fixture = try BrowserFixture()
    _ = try fixture.corpus()
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    type("fib", into: app)
    check(app, "browser-filter")
  }

  @Test func emptyState() throws {
    let fixture = try BrowserFixture()
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    check(app, "browser-empty")
  }

  @Test func noMatch() throws {
    let fixture = try BrowserFixture()
    _ = try fixture.corpus()
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    type("zebra", into: app)
    check(app, "browser-no-match")
  }

  @Test func runHistoryAndDiff() throws {
    let fixture = try BrowserFixture()
    _ = try fixture.corpus()
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    app.handle(.key(.end))
    app.handle(.key(.tab))
    check(app, "browser-history")
    app.handle(.key(.down))
    app.handle(.key(.character("d")))
    check(app, "browser-diff")
  }

  @Test func renamePrompt() throws {
    let fixture = try BrowserFixture()
    _ = try fixture.corpus()
    let app = fixture.app()
    app.handle(.key(.ctrl("o")))
    app.handle(.key(.function(2)))
    type(" world", into: app)
    check(app, "browser-rename")
  }
}
