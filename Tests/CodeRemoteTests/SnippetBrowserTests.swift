import Editor
import Execution
import Foundation
import Store
import Testing

@testable import TUI
@testable import coderemote

/// The browser's model over the real adapter and a real SQLite file (fresh per test): the list,
/// the filter, the orders, the selection and every action, undo of a delete included.
@Suite("Snippet browser")
struct SnippetBrowserTests {
  let fixture: BrowserFixture
  let ids: [String: Int64]

  init() throws {
    fixture = try BrowserFixture()
    ids = try fixture.corpus()
  }

  func names(_ browser: SnippetBrowser) -> [String] { browser.rows.map { browser.entries[$0.entry].name } }

  func type(_ text: String, into browser: inout SnippetBrowser) {
    for character in text { _ = browser.handle(.key(.character(character))) }
  }

  @Test("the list: pinned first, then the order asked; ^S cycles recent, name, most run")
  func orders() {
    var browser = fixture.browser()
    #expect(names(browser) == ["hello", "parse json", "quick sort", "primes", "fib"])
    _ = browser.handle(.key(.ctrl("s")))
    #expect(browser.order == .name)
    #expect(names(browser) == ["hello", "fib", "parse json", "primes", "quick sort"])
    _ = browser.handle(.key(.ctrl("s")))
    #expect(browser.order == .mostRun)
    #expect(names(browser).prefix(2) == ["hello", "fib"])
    _ = browser.handle(.key(.ctrl("s")))
    #expect(browser.order == .recent)
  }

  @Test("typing filters names and tags fuzzily, best first, and code through the index")
  func filter() {
    var browser = fixture.browser()
    type("qs", into: &browser)
    #expect(names(browser) == ["quick sort"])
    #expect(browser.highlights(of: browser.rows[0]).name == [0, 6])
    _ = browser.handle(.key(.ctrl("u")))
    type("math", into: &browser)
    #expect(Set(names(browser)) == ["fib", "primes"])
    _ = browser.handle(.key(.ctrl("u")))
    // "sieve" is only in code: listed after name matches, marked as a code match.
    type("sieve", into: &browser)
    #expect(names(browser) == ["primes"])
    #expect(browser.isCodeMatch(browser.rows[0]) && browser.rows[0].score == nil)
    #expect(browser.codeMatches(in: "def sieve(n):") == [4..<9])
    // Backspace widens again; a word in code and a name match both show.
    _ = browser.handle(.key(.ctrl("u")))
    type("fib", into: &browser)
    #expect(names(browser).first == "fib")
    #expect(names(browser).contains("primes"), "its code says fibonacci")
    for _ in 0..<3 { _ = browser.handle(.key(.backspace)) }
    #expect(browser.rows.count == 5)
  }

  @Test("hostile filters never fail: FTS syntax, quotes, unicode")
  func hostileFilter() {
    var browser = fixture.browser()
    for text in ["\"", "NEAR(", "*", "a AND", "fib\" OR \"x", "日本", ":", "((", "-"] {
      _ = browser.handle(.key(.ctrl("u")))
      type(text, into: &browser)
      #expect(browser.message == nil, "\(text): \(browser.message?.text ?? "")")
    }
  }

  @Test("the selection moves with the keys, stays in range and follows the preview")
  func selection() throws {
    var browser = fixture.browser()
    browser.fit(in: Rect(x: 0, y: 0, width: 80, height: 6))
    #expect(browser.pageHeight == 3)
    #expect(browser.preview?.id == ids["hello"])
    _ = browser.handle(.key(.down))
    #expect(browser.selectedEntry?.name == "parse json")
    #expect(browser.preview?.code.contains("json.loads") == true)
    _ = browser.handle(.key(.end))
    #expect(browser.selectedEntry?.name == "fib")
    #expect(browser.top == 2)
    _ = browser.handle(.key(.down))
    #expect(browser.selectedEntry?.name == "fib")
    _ = browser.handle(.key(.pageUp))
    #expect(browser.selectedEntry?.name == "parse json")
    _ = browser.handle(.key(.home))
    _ = browser.handle(.key(.up))
    #expect(browser.selectedEntry?.name == "hello")
    #expect(browser.handle(.key(.enter)) == .open(ids["hello"]!))
  }

  @Test("new, rename, tag, duplicate and pin are stored and the list follows")
  func actions() throws {
    var browser = fixture.browser()
    _ = browser.handle(.key(.ctrl("n")))
    type("scratch idea", into: &browser)
    _ = browser.handle(.key(.enter))
    #expect(browser.selectedEntry?.name == "scratch idea")
    let made = try #require(browser.selectedEntry?.id)
    #expect(try fixture.store.snippet(made)?.code == "")

    _ = browser.handle(.key(.function(2)))
    #expect(browser.mode == .prompt(.init(purpose: .rename(made), input: "scratch idea")))
    _ = browser.handle(.key(.ctrl("u")))
    type("idea", into: &browser)
    _ = browser.handle(.key(.enter))
    #expect(try fixture.store.snippet(made)?.name == "idea")

    _ = browser.handle(.key(.ctrl("t")))
    type("a, b c", into: &browser)
    _ = browser.handle(.key(.enter))
    #expect(try fixture.store.snippet(made)?.tags == ["a", "b", "c"])

    _ = browser.handle(.key(.ctrl("d")))
    #expect(browser.selectedEntry?.name == "idea copy")
    #expect(browser.entries.count == 7)

    _ = browser.handle(.key(.ctrl("p")))
    #expect(names(browser).first == "idea copy", "pinned, and the newest")
    #expect(browser.selectedEntry?.pinned == true)
    #expect(try fixture.store.snippet(browser.selectedEntry!.id)?.pinned == true)

    // An empty name is refused and changes nothing; Esc cancels a prompt.
    _ = browser.handle(.key(.function(2)))
    _ = browser.handle(.key(.ctrl("u")))
    _ = browser.handle(.key(.enter))
    #expect(browser.message?.isError == true)
    #expect(browser.selectedEntry?.name == "idea copy")
    _ = browser.handle(.key(.function(2)))
    type("zzz", into: &browser)
    _ = browser.handle(.key(.escape))
    #expect(browser.mode == .list && browser.selectedEntry?.name == "idea copy")
  }

  @Test("delete moves to the trash, the next snippet is selected, ^Z brings it back")
  func deleteAndUndo() throws {
    var browser = fixture.browser()
    _ = browser.handle(.key(.down))
    _ = browser.handle(.key(.delete))
    #expect(!names(browser).contains("parse json"))
    #expect(browser.selectedEntry?.name == "quick sort")
    #expect(browser.message?.text.contains("Ctrl-Z") == true)
    #expect(try fixture.store.trash().map(\.name) == ["parse json"])
    _ = browser.handle(.key(.down))
    _ = browser.handle(.key(.delete))
    _ = browser.handle(.key(.ctrl("z")))
    _ = browser.handle(.key(.ctrl("z")))
    #expect(names(browser) == ["hello", "parse json", "quick sort", "primes", "fib"])
    #expect(browser.selectedEntry?.name == "parse json")
    #expect(try fixture.store.trash().isEmpty)
    _ = browser.handle(.key(.ctrl("z")))
    #expect(browser.message?.text == "nothing deleted to put back")
  }

  @Test("the run history lists runs newest first; D diffs a version with now; Enter reopens it")
  func history() throws {
    var browser = fixture.browser()
    _ = browser.handle(.key(.end))
    _ = browser.handle(.key(.tab))
    guard case .history(let history) = browser.mode else {
      Issue.record("no history: \(browser.mode)")
      return
    }
    #expect(history.runs.map(\.status) == [.error, .ok])
    _ = browser.handle(.key(.down))
    _ = browser.handle(.key(.character("d")))
    guard case .diff(let diff) = browser.mode else {
      Issue.record("no diff: \(browser.mode)")
      return
    }
    #expect(
      diff.lines.map(\.text) == [
        "@@ -1,2 +1,2 @@", " def fib(n):", "-    return n",
        "+    return n if n < 2 else fib(n - 1) + fib(n - 2)",
      ])
    let outcome = browser.handle(.key(.enter))
    #expect(
      outcome
        == .openVersion(
          snippet: ids["fib"]!, code: "def fib(n):\n    return n\n",
          startedAt: BrowserFixture.now.addingTimeInterval(-1_800)))
    _ = browser.handle(.key(.escape))
    _ = browser.handle(.key(.escape))
    #expect(browser.mode == .list)
    #expect(browser.handle(.key(.escape)) == .close)
  }

  @Test("copy hands the selected code to the app")
  func copy() {
    var browser = fixture.browser()
    #expect(browser.handle(.key(.ctrl("k"))) == .copy("print('hello')\n"))
  }

  @Test("the mouse: a click selects, a second click opens, the wheel scrolls")
  func mouse() {
    var browser = fixture.browser()
    browser.fit(in: Rect(x: 0, y: 0, width: 80, height: 24))
    // The list starts on row 2 of the screen.
    #expect(browser.handle(.mouse(MouseEvent(.press, x: 5, y: 4))) == .stay)
    #expect(browser.selectedEntry?.name == "quick sort")
    #expect(browser.handle(.mouse(MouseEvent(.press, x: 5, y: 4))) == .open(ids["quick sort"]!))
    _ = browser.handle(.mouse(MouseEvent(.wheelDown, x: 5, y: 4)))
    #expect(browser.top == 0, "five rows fit: nothing to scroll")
  }
}
