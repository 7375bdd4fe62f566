import Execution
import Foundation
import Testing

@testable import Store

/// What the snippet browser asks of the store, on a fresh database per test.
@Suite("The store's browser queries: one line, ids from the index, rename, tags, pin")
struct BrowserQueriesTests {
  let database: TemporaryDatabase
  let store: SnippetStore
  let start = Date(timeIntervalSince1970: 1_000)

  init() throws {
    database = try TemporaryDatabase()
    store = try database.open()
  }

  @Test("a summary is one line of the list; none for the trash or a missing id")
  func summary() throws {
    let saved = try store.save(NewSnippet(name: "fib", code: "1", tags: ["math"]), now: start)
    try store.recordRun(
      snippetID: saved.id, code: "1",
      result: ExecutionResult(id: "r", status: .timeout, isolation: "none", limits: .defaults),
      startedAt: start)
    let line = try #require(try store.summary(saved.id))
    #expect(
      line.name == "fib" && line.tags == ["math"] && line.runCount == 1 && line.lastRunStatus == .timeout)
    #expect(try store.list().first == line)
    try store.moveToTrash(saved.id)
    #expect(try store.summary(saved.id) == nil)
    #expect(try store.summary(999) == nil)
  }

  @Test("searchIDs finds what search finds, newest first, and nothing for a filter without words")
  func searchIDs() throws {
    let a = try store.save(NewSnippet(name: "a", code: "def fibonacci(): pass"))
    let b = try store.save(NewSnippet(name: "fib", code: "x = 1"))
    _ = try store.save(NewSnippet(name: "c", code: "y = 2"))
    #expect(try store.searchIDs("fib") == [b.id, a.id])
    #expect(try store.searchIDs("fib") == store.search("fib").map(\.id))
    #expect(try store.searchIDs("fib", limit: 1) == [b.id])
    for hostile in ["\"", "*", "NEAR(", "((", ""] { #expect(try store.searchIDs(hostile) == []) }
    try store.moveToTrash(b.id)
    #expect(try store.searchIDs("fib") == [a.id])
  }

  @Test("rename and tags change the line and the index; an empty name is refused")
  func renameAndTags() throws {
    let saved = try store.save(NewSnippet(name: "old", code: "pass"), now: start)
    try store.rename(saved.id, to: "zebra crossing", now: start.addingTimeInterval(5))
    #expect(try store.snippet(saved.id)?.name == "zebra crossing")
    #expect(try store.snippet(saved.id)?.updatedAt == start.addingTimeInterval(5))
    #expect(try store.searchIDs("zebra") == [saved.id])
    #expect(try store.searchIDs("old").isEmpty)
    #expect(throws: StoreError.invalid("a snippet's name cannot be empty")) {
      try store.rename(saved.id, to: "  ")
    }
    try store.setTags(saved.id, ["a,b", "b", " c "])
    #expect(try store.snippet(saved.id)?.tags == ["a", "b", "c"])
    #expect(try store.searchIDs("c") == [saved.id])
    try store.setTags(saved.id, [])
    #expect(try store.snippet(saved.id)?.tags == [])
    #expect(throws: StoreError.noSuchSnippet(42)) { try store.rename(42, to: "x") }
  }

  @Test("pinning puts a snippet first in every order and is not an edit")
  func pin() throws {
    let first = try store.save(NewSnippet(name: "b", code: ""), now: start)
    _ = try store.save(NewSnippet(name: "a", code: ""), now: start.addingTimeInterval(1))
    try store.setPinned(first.id, true)
    for order in SnippetOrder.allCases { #expect(try store.list(order: order).first?.id == first.id) }
    #expect(try store.snippet(first.id)?.updatedAt == start)
    try store.setPinned(first.id, false)
    #expect(try store.list().first?.name == "a")
  }
}
