import Foundation
import Testing

@testable import Store

/// Whatever is typed into the filter, the search answers: FTS5 syntax is matched as text.
@Suite("Hostile search queries")
struct HostileSearchTests {
  let database: TemporaryDatabase
  let store: SnippetStore
  let ids: [String: Int64]

  init() throws {
    database = try TemporaryDatabase()
    store = try database.open()
    var ids: [String: Int64] = [:]
    for (name, code, tags) in [
      (
        "fib", "def fibonacci(n):\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)\n", ["math"]
      ),
      ("near", "# NEAR AND OR NOT are words here\nprint('near and far')\n", ["fts"]),
      ("quotes", #"print("say \"hi\"")"#, ["strings"]),
      ("日本語", "print('こんにちは 世界')\n", ["unicode"]),
      ("Crème brûlée", "dessert = 'café'\n", ["food"]),
      ("stars", "x = 2 ** 10  # a*b\n", []),
    ] {
      ids[name] = try store.save(NewSnippet(name: name, code: code, tags: tags)).id
    }
    self.ids = ids
  }

  @Test(
    "never throws, whatever the text",
    arguments: [
      "\"", "\"\"", "\"fib", "fib\"", "'", "*", "**", "fib*", "*fib", "NEAR", "NEAR(", "NEAR(fib, 2)",
      "AND", "OR", "NOT", "fib AND", "AND fib", "fib OR", "(", ")", "(fib", "fib)", "^fib", "name:fib",
      "{name tags}: fib", "-fib", "+", ":", "\u{0}", "\\", "fib\"\"\"", "\"NEAR\"", "🎉", "\u{301}", "🇯🇵x",
      String(repeating: "a", count: 10_000), String(repeating: "\" ", count: 500), "col:", "tags:math",
    ])
  func neverThrows(query: String) throws {
    _ = try store.search(query)
  }

  @Test(
    "gives sensible results",
    arguments: [
      ("fib", ["fib"]),
      ("fibo", ["fib"]),
      ("FIB", ["fib"]),
      ("fib*", ["fib"]),
      ("\"fib", ["fib"]),
      ("NEAR", ["near"]),
      ("near(", ["near"]),
      ("AND", ["near"]),
      ("NOT near", ["near"]),
      ("say \"hi\"", ["quotes"]),
      ("日本", ["日本語"]),
      ("こんにちは", ["日本語"]),
      ("creme", ["Crème brûlée"]),
      ("cafe", ["Crème brûlée"]),
      ("math", ["fib"]),
      ("name:fib", []),
      ("fib nothing-like-this", []),
      ("a*b", ["stars"]),
    ])
  func results(query: String, expected: [String]) throws {
    #expect(Set(try store.search(query).map(\.id)) == Set(expected.compactMap { ids[$0] }))
  }

  @Test("text with no word lists everything, as the list does", arguments: ["", " ", "\"", "*", "( )"])
  func noWords(query: String) throws {
    #expect(try store.search(query) == (try store.list(limit: 100)))
  }

  @Test("the limit holds and the newest come first")
  func limitAndOrder() throws {
    let many = try (0..<30).map { try store.save(NewSnippet(name: "n\($0)", code: "common_word = \($0)")).id }
    #expect(try store.search("common", limit: 10).map(\.id) == Array(many.reversed().prefix(10)))
  }
}
