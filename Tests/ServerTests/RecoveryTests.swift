import Execution
import Foundation
import Store
import Testing

@testable import Server

/// What a crashed server left `running` is requeued, then failed with a reason once tried too often.
@Suite struct RecoveryTests {
  @Test func runningJobsAreRequeuedThenFailed() async throws {
    let harness = try ServerHarness { $0.maximumAttempts = 2 }
    defer { harness.backend.close() }
    let queue = harness.database.jobs
    let submission = try Submission.parse(
      Array(#"{"language":"python","code":"print(1)"}"#.utf8), configuration: ServerConfiguration())
    let request = String(decoding: JSON.encode(submission), as: UTF8.self)
    for id in ["once", "twice"] {
      _ = try await queue.submit(
        QueuedJob(id: id, owner: nil, state: .queued, request: Array(request.utf8), createdAt: 1),
        capacity: 10)
    }
    _ = try await queue.claim(at: 2)  // once: attempt 1
    _ = try await queue.claim(at: 2)  // twice: attempt 1
    try await queue.requeue("twice")
    _ = try await queue.claim(at: 3)  // twice: attempt 2
    try await harness.service.recover()
    #expect(try await queue.job("once")?.state == .queued)
    let failed = try #require(try await queue.job("twice"))
    #expect(failed.state == .finished)
    let result = try JSONDecoder().decode(ExecutionResult.self, from: Data(try #require(failed.result)))
    #expect(result.status == .internalError)
    #expect(result.message?.contains("stopped while this job ran") == true)
    #expect(try await queue.running().isEmpty)
  }
}
