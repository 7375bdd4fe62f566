import Foundation
import GRDB
import Testing

@testable import Store

/// The SQLite queue on a real file: order, exclusive claims, finishing, requeue, retention.
@Suite struct JobQueueTests {
  func database() throws -> (ServerDatabase, String) {
    let directory = NSTemporaryDirectory() + "coderemote-queue-test-" + UUID().uuidString
    return (try ServerDatabase(path: directory + "/nested/server.sqlite"), directory)
  }

  func job(_ id: String, owner: String? = "t") -> QueuedJob {
    QueuedJob(id: id, owner: owner, state: .queued, request: Array("{}".utf8), createdAt: 1)
  }

  /// The steps between acceptance and result commit without waiting for the disk; every other
  /// write (the acceptance, the result, the tokens) still finds the connection synchronous.
  @Test func lightCommitsLeaveTheWriterSynchronous() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let queue = database.jobs
    let level = { @Sendable (db: Database) in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    #expect(try await queue.submit(job("a"), capacity: 10))
    #expect(try await queue.writeLightly(level) == 1)  // NORMAL inside
    _ = try await queue.claim(at: 2)
    _ = try await queue.append(kind: "stdout", data: [1], to: "a")
    #expect(try await database.pool.write(level) == 2)  // FULL again
    #expect(try await queue.events(of: "a", after: 0).map(\.data) == [[1]])
  }

  @Test func claimsInOrderAndNeverTheSameJobTwice() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let queue = database.jobs
    for n in 0..<20 { #expect(try await queue.submit(job("j\(n)"), capacity: 100)) }
    let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
      for _ in 0..<4 {
        group.addTask {
          var mine: [String] = []
          while let job = try await queue.claim(at: 2) { mine.append(job.id) }
          return mine
        }
      }
      var all: [String] = []
      for try await part in group { all += part }
      return all
    }
    #expect(claimed.count == 20)
    #expect(Set(claimed).count == 20)
    #expect(try await queue.depth() == QueueDepth(queued: 0, running: 20))
    let first = try #require(try await queue.job("j0"))
    #expect(first.state == .running)
    #expect(first.attempts == 1)
  }

  @Test func capacityBoundsTheQueue() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(try await database.jobs.submit(job("a"), capacity: 1))
    #expect(try await database.jobs.submit(job("b"), capacity: 1) == false)
    #expect(try await database.jobs.job("b") == nil)
  }

  @Test func finishStoresTheResultAndTheLastEventOnce() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let queue = database.jobs
    _ = try await queue.submit(job("a"), capacity: 10)
    _ = try await queue.claim(at: 2)
    let out = try await queue.append(kind: "stdout", data: Array("x".utf8), to: "a")
    let last = try await queue.finish(
      "a", result: Array("{\"r\":1}".utf8), event: ("finished", Array("{}".utf8)), onlyIfQueued: false, at: 3)
    #expect(try #require(last) > out)
    #expect(
      try await queue.finish("a", result: [], event: ("finished", []), onlyIfQueued: false, at: 4) == nil)
    let stored = try #require(try await queue.job("a"))
    #expect(stored.state == .finished)
    #expect(stored.result == Array("{\"r\":1}".utf8))
    #expect(try await queue.events(of: "a", after: 0).map(\.kind) == ["stdout", "finished"])
    #expect(try await queue.events(of: "a", after: out).map(\.kind) == ["finished"])
  }

  @Test func aCancelLosesToAClaim() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let queue = database.jobs
    _ = try await queue.submit(job("a"), capacity: 10)
    _ = try await queue.claim(at: 2)
    #expect(
      try await queue.finish("a", result: [], event: ("finished", []), onlyIfQueued: true, at: 3) == nil)
    #expect(try await queue.job("a")?.state == .running)
  }

  @Test func requeueDropsTheEventsOfTheInterruptedRun() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let queue = database.jobs
    _ = try await queue.submit(job("a"), capacity: 10)
    _ = try await queue.claim(at: 2)
    _ = try await queue.append(kind: "stdout", data: [1], to: "a")
    #expect(try await queue.running().map(\.id) == ["a"])
    try await queue.requeue("a")
    #expect(try await queue.events(of: "a", after: 0).isEmpty)
    let again = try #require(try await queue.claim(at: 3))
    #expect(again.attempts == 2)
  }

  @Test func retentionDeletesOnlyOldFinishedJobs() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let queue = database.jobs
    for id in ["old", "new", "waiting"] { _ = try await queue.submit(job(id), capacity: 10) }
    _ = try await queue.finish("old", result: [], event: ("finished", []), onlyIfQueued: true, at: 100)
    _ = try await queue.finish("new", result: [], event: ("finished", []), onlyIfQueued: true, at: 200)
    #expect(try await queue.deleteFinished(before: 150) == 1)
    #expect(try await queue.job("old") == nil)
    #expect(try await queue.events(of: "old", after: 0).isEmpty)
    #expect(try await queue.job("new") != nil)
    #expect(try await queue.job("waiting") != nil)
  }

  @Test func activeJobsCountPerOwner() async throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let queue = database.jobs
    _ = try await queue.submit(job("a", owner: "x"), capacity: 10)
    _ = try await queue.submit(job("b", owner: "x"), capacity: 10)
    _ = try await queue.submit(job("c", owner: nil), capacity: 10)
    #expect(try await queue.activeJobs(of: "x") == 2)
    #expect(try await queue.activeJobs(of: nil) == 1)
  }

  @Test func tokensStoreOnlyHashesAndRevokeByNameOrID() throws {
    let (database, directory) = try database()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tokens = database.tokens
    try tokens.add(StoredToken(id: "id1", name: "alice", hash: "h1", createdAt: 1))
    #expect(throws: TokenStoreError.nameTaken("alice")) {
      try tokens.add(StoredToken(id: "id2", name: "alice", hash: "h2", createdAt: 2))
    }
    try tokens.revoke("alice", at: 3)
    try tokens.add(StoredToken(id: "id2", name: "alice", hash: "h2", createdAt: 2))
    try tokens.revoke("id2", at: 4)
    #expect(throws: TokenStoreError.noSuchToken("id2")) { try tokens.revoke("id2", at: 5) }
    #expect(try tokens.all().map(\.revokedAt) == [3, 4])
  }
}
