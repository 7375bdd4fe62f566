import Execution
import Foundation
import Testing

@testable import Store

@Suite("The snippet store: snippets, trash, runs, drafts, analyses")
struct SnippetStoreTests {
  let database: TemporaryDatabase
  let store: SnippetStore

  init() throws {
    database = try TemporaryDatabase()
    store = try database.open()
  }

  @Test("a saved snippet reads back whole, with tags normalised")
  func saveAndRead() throws {
    let saved = try store.save(
      NewSnippet(name: "fib", code: "def fib(n):\n    return n\n", tags: ["math", "kata, math", " x "]))
    let read = try #require(try store.snippet(saved.id))
    #expect(read.name == "fib" && read.code == "def fib(n):\n    return n\n" && read.language == "python")
    #expect(read.tags == ["math", "kata", "x"])
    #expect(read.uid == saved.uid && !read.uid.isEmpty)
    #expect(try store.snippet(saved.id + 1) == nil)
  }

  @Test("updating changes the fields and the time only when content changes")
  func update() throws {
    let start = Date(timeIntervalSince1970: 1_000)
    let saved = try store.save(NewSnippet(name: "a", code: "1"), now: start)
    let pinned = try store.update(saved.id, now: start.addingTimeInterval(10)) { $0.pinned = true }
    #expect(pinned.pinned && pinned.updatedAt == start)
    let edited = try store.update(saved.id, now: start.addingTimeInterval(20)) {
      $0.code = "2"
      $0.name = "b"
      $0.tags = ["t"]
    }
    #expect(edited.updatedAt == start.addingTimeInterval(20))
    #expect(try store.snippet(saved.id) == edited)
    #expect(throws: StoreError.noSuchSnippet(99)) { try store.update(99) { $0.name = "x" } }
  }

  @Test("delete moves to the trash; restore undoes it; emptying deletes and keeps the runs")
  func trash() throws {
    let kept = try store.save(NewSnippet(name: "kept", code: "print(1)"))
    let gone = try store.save(NewSnippet(name: "gone", code: "print(2)"))
    try store.recordRun(snippetID: gone.id, code: "print(2)", result: Self.result(.ok), startedAt: Date())
    try store.moveToTrash(gone.id)
    #expect(try store.list().map(\.id) == [kept.id])
    #expect(try store.search("print").map(\.id) == [kept.id])
    #expect(try store.trash().map(\.id) == [gone.id])
    #expect(try store.snippet(gone.id) == nil)
    #expect(try store.snippet(gone.id, includingTrash: true)?.name == "gone")
    #expect(throws: StoreError.noSuchSnippet(gone.id)) { try store.moveToTrash(gone.id) }

    try store.restore(gone.id)
    #expect(Set(try store.search("print").map(\.id)) == [kept.id, gone.id])
    #expect(try store.trash().isEmpty)
    #expect(throws: StoreError.noSuchSnippet(gone.id)) { try store.restore(gone.id) }

    try store.moveToTrash(gone.id)
    #expect(try store.emptyTrash() == 1)
    #expect(try store.snippet(gone.id, includingTrash: true) == nil)
    let runs = try store.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE snippet_id IS NULL")
    }
    #expect(runs == 1)
  }

  @Test("the list puts pinned first, then sorts by recency, name or runs")
  func order() throws {
    let t = Date(timeIntervalSince1970: 5_000)
    let b = try store.save(NewSnippet(name: "beta", code: "b"), now: t)
    let a = try store.save(NewSnippet(name: "Alpha", code: "a"), now: t.addingTimeInterval(1))
    let c = try store.save(NewSnippet(name: "gamma", code: "c", pinned: true), now: t.addingTimeInterval(-1))
    for _ in 0..<2 {
      try store.recordRun(snippetID: b.id, code: "b", result: Self.result(.error), startedAt: t)
    }
    #expect(try store.list(order: .recent).map(\.id) == [c.id, a.id, b.id])
    #expect(try store.list(order: .name).map(\.id) == [c.id, a.id, b.id])
    #expect(try store.list(order: .mostRun).map(\.id) == [c.id, b.id, a.id])
    #expect(try store.list(limit: 1, offset: 1).map(\.id) == [a.id])
    let summary = try #require(try store.list().last)
    #expect(summary.runCount == 2 && summary.lastRunStatus == .error && summary.lastRunAt == t)
    #expect(try store.count() == 3)
  }

  @Test("a run keeps the exact code, its hash and a bounded result")
  func runs() throws {
    let snippet = try store.save(NewSnippet(name: "loud", code: "print('x' * 10**6)"))
    var result = Self.result(.ok)
    result.stdout = Array(repeating: UInt8(ascii: "x"), count: RunRecord.outputLimit * 3)
    result.stderr = [0xff, 0xfe]
    let started = Date(timeIntervalSince1970: 1_234.5)
    let recorded = try store.recordRun(
      snippetID: snippet.id, code: snippet.code, result: result, startedAt: started)
    let second = try store.recordRun(
      snippetID: snippet.id, code: "print(2)", result: Self.result(.timeout), startedAt: started + 1)
    let history = try store.runs(of: snippet.id)
    #expect(history.map(\.id) == [second.id, recorded.id])
    let first = try #require(try store.run(recorded.id))
    #expect(first.code == snippet.code && first.codeHash == CodeHash.of(snippet.code))
    #expect(first.result.stdout.count == RunRecord.outputLimit && first.result.stdoutTruncated)
    #expect(first.result.stderr == [0xff, 0xfe] && !first.result.stderrTruncated)
    #expect(first.startedAt == started && first.result.status == .ok)
    #expect(throws: StoreError.noSuchSnippet(404)) {
      try store.recordRun(snippetID: 404, code: "", result: Self.result(.ok), startedAt: started)
    }
    // A run of a buffer that is no snippet is kept too.
    let loose = try store.recordRun(snippetID: nil, code: "1", result: Self.result(.ok), startedAt: started)
    #expect(try store.run(loose.id)?.snippetID == nil)
  }

  @Test("a draft per owner, replaced on each save; the latest is where the user was")
  func drafts() throws {
    let t = Date(timeIntervalSince1970: 9_000)
    try store.saveDraft(
      Draft(owner: .snippet(7), text: "a", cursorLine: 1, cursorColumn: 2, scrollLine: 0, updatedAt: t))
    try store.saveDraft(Draft(owner: .file("/tmp/x y.py"), text: "b", cursorLine: 3, updatedAt: t + 1))
    try store.saveDraft(
      Draft(owner: .snippet(7), text: "a2", cursorLine: 4, cursorColumn: 5, scrollLine: 2, updatedAt: t + 2))
    try store.saveDraft(Draft(owner: .scratch, text: "c", updatedAt: t - 1))
    #expect(
      try store.draft(for: .snippet(7))
        == Draft(
          owner: .snippet(7), text: "a2", cursorLine: 4, cursorColumn: 5, scrollLine: 2, updatedAt: t + 2))
    #expect(try store.draft(for: .file("/tmp/x y.py"))?.text == "b")
    #expect(try store.draft(for: .scratch)?.text == "c")
    #expect(try store.latestDraft()?.owner == .snippet(7))
    try store.discardDraft(for: .snippet(7))
    #expect(try store.draft(for: .snippet(7)) == nil)
    #expect(try store.latestDraft()?.owner == .file("/tmp/x y.py"))
  }

  @Test("analyses are cached by code hash and kind")
  func analyses() throws {
    let hash = CodeHash.of("x = 1")
    #expect(try store.cachedAnalysis(codeHash: hash, kind: "static") == nil)
    try store.cacheAnalysis(#"{"big_o":"O(1)"}"#, codeHash: hash, kind: "static")
    try store.cacheAnalysis(#"{"big_o":"O(n)"}"#, codeHash: hash, kind: "static")
    #expect(try store.cachedAnalysis(codeHash: hash, kind: "static") == #"{"big_o":"O(n)"}"#)
    #expect(try store.cachedAnalysis(codeHash: hash, kind: "empirical") == nil)
  }

  @Test("upsert by uid: added, then unchanged, then updated")
  func upsert() throws {
    let t = Date(timeIntervalSince1970: 100)
    var snippet = Snippet(
      id: 0, uid: "u-1", name: "n", language: "python", code: "c", tags: ["a"], pinned: false, createdAt: t,
      updatedAt: t)
    let (id, added) = try store.upsert(snippet)
    #expect(added == .added)
    #expect(try store.upsert(snippet) == (id, .unchanged))
    snippet.code = "changed"
    #expect(try store.upsert(snippet) == (id, .updated))
    #expect(try store.snippet(id)?.code == "changed")
    #expect(try store.count() == 1)
  }

  @Test("duplicate copies code and tags under a new name")
  func duplicate() throws {
    let original = try store.save(NewSnippet(name: "x", code: "print(1)", tags: ["t"]))
    let copy = try store.duplicate(original.id)
    #expect(copy.id != original.id && copy.uid != original.uid)
    #expect(copy.name == "x copy" && copy.code == original.code && copy.tags == ["t"])
  }

  static func result(_ status: ExecutionStatus) -> ExecutionResult {
    ExecutionResult(
      id: "r", status: status, exitCode: status == .ok ? 0 : 1, isolation: "none", limits: .defaults)
  }
}
