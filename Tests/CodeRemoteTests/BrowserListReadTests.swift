import Foundation
import Store
import Testing

@testable import TUI
@testable import coderemote

/// A long list opens on its first page and the rest is read on another thread: the browser draws
/// at once, and the whole list replaces the page when it comes, keeping the filter and selection.
@Suite("Snippet browser: the first page, then the whole list")
struct BrowserListReadTests {
  let fixture: BrowserFixture
  let ids: [String: Int64]
  /// The corpus, and enough older snippets after it to fill more than the first page.
  static let bulk = SnippetBrowser.firstPage + 20

  init() throws {
    fixture = try BrowserFixture()
    try fixture.store.save(
      all: (0..<Self.bulk).map { NewSnippet(name: "bulk \($0)", code: "x = \($0)\n", tags: ["bulk"]) },
      now: BrowserFixture.now.addingTimeInterval(-86_400 * 30))
    ids = try fixture.corpus()
  }

  var total: Int { Self.bulk + ids.count }

  @Test("a long list opens on its first page and asks once for the rest; the rest replaces it")
  func firstPageThenWhole() throws {
    var browser = fixture.browser()
    #expect(browser.entries.count == SnippetBrowser.firstPage)
    #expect(!browser.isComplete)
    let taken = browser.takeListRead()
    let read = try #require(taken)
    let again = browser.takeListRead()
    #expect(again == nil, "asked once")
    for character in "fib" { _ = browser.handle(.key(.character(character))) }
    _ = browser.handle(.key(.down))
    let selected = browser.selectedEntry?.id

    browser.receive(read, Result { SnippetList(try fixture.library.entries(order: read.order, limit: nil)) })
    #expect(browser.isComplete)
    #expect(browser.entries.count == total)
    #expect(browser.filter == "fib", "the filter typed meanwhile applies to the whole list")
    #expect(browser.selectedEntry?.id == selected)
  }

  @Test("a stale read (before a reload, or another browser's) is dropped; a failed one keeps the page")
  func staleAndFailedReads() throws {
    var browser = fixture.browser()
    let taken = browser.takeListRead()
    let first = try #require(taken)
    _ = browser.handle(.key(.ctrl("s")))  // another order: a new read
    let retaken = browser.takeListRead()
    let second = try #require(retaken)
    #expect(second.order == .name)
    let all = Result<SnippetList, any Error> {
      SnippetList(try fixture.library.entries(order: .recent, limit: nil))
    }
    browser.receive(first, all)
    #expect(!browser.isComplete, "the read from before the reload is stale")
    var other = fixture.browser()
    other.receive(second, all)
    #expect(!other.isComplete, "a read another browser asked for")

    struct Unreadable: Error, CustomStringConvertible { var description: String { "disk I/O error" } }
    browser.receive(second, .failure(Unreadable()))
    #expect(!browser.isComplete)
    #expect(browser.entries.count == SnippetBrowser.firstPage)
    #expect(browser.message?.text.contains("disk I/O error") == true)
  }

  @Test(
    "in the editor: the header says the list is partial, the real inbox brings the rest, the snippet opened is selected"
  )
  func throughTheInbox() async throws {
    let app = fixture.app()
    let oldest = try #require(try fixture.store.list(order: .recent).last)
    #expect(app.openSnippet(oldest.id) == nil)
    app.handle(.key(.ctrl("o")))
    let layer = try #require(app.layer(SnippetBrowserLayer.self))
    #expect(!layer.browser.isComplete, "nothing is taken from the inbox until the app drains it")
    #expect(app.render(width: 80, height: 24).0.text.contains("\(SnippetBrowser.firstPage)+ snippets"))
    while !layer.browser.isComplete, await app.inbox.waitForPost() { app.drainInbox() }
    #expect(layer.browser.isComplete)
    #expect(
      layer.browser.selectedEntry?.id == oldest.id, "the snippet in the editor is selected once it is in")
    #expect(app.render(width: 80, height: 24).0.text.contains("\(total) snippets"))
  }
}
