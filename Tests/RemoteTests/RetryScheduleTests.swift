import Testing

@testable import Remote

@Suite("Retry schedule")
struct RetryScheduleTests {
  @Test("a refused connection is tried again with doubling waits, up to the attempt bound")
  func backoff() {
    var schedule = RetrySchedule()
    var steps: [RetrySchedule.Step] = []
    for _ in 0..<6 { steps.append(schedule.next(after: .failed(.notConnected), idempotent: false)) }
    #expect(
      steps == [
        .retry(after: .milliseconds(250)), .retry(after: .milliseconds(500)), .retry(after: .seconds(1)),
        .retry(after: .seconds(2)), .retry(after: .seconds(4)), .giveUp,
      ])
  }

  @Test("waits stop growing at the longest delay; the total wait is bounded")
  func bounded() {
    var schedule = RetrySchedule()
    schedule.maximumAttempts = 100
    var waited: Duration = .zero
    while case .retry(let delay) = schedule.next(after: .failed(.notConnected), idempotent: true) {
      #expect(delay <= schedule.longestDelay)
      waited += delay
    }
    #expect(waited <= schedule.maximumWait)
    #expect(waited == schedule.waited)
  }

  @Test("a 503 waits as long as Retry-After says; one past the budget gives up")
  func retryAfter() {
    var schedule = RetrySchedule()
    #expect(
      schedule.next(after: .answered(status: 503, retryAfterSeconds: 3), idempotent: false)
        == .retry(after: .seconds(3)))
    #expect(
      schedule.next(after: .answered(status: 503, retryAfterSeconds: nil), idempotent: false)
        == .retry(after: .milliseconds(500)))
    #expect(
      schedule.next(after: .answered(status: 503, retryAfterSeconds: 600), idempotent: false) == .giveUp)
  }

  @Test("a dropped connection is tried again only for a request that can be repeated")
  func idempotence() {
    var schedule = RetrySchedule()
    #expect(schedule.next(after: .failed(.dropped), idempotent: false) == .stop)
    #expect(schedule.next(after: .answered(status: 502, retryAfterSeconds: nil), idempotent: false) == .stop)
    #expect(schedule.next(after: .failed(.dropped), idempotent: true) == .retry(after: .milliseconds(250)))
    #expect(
      schedule.next(after: .answered(status: 504, retryAfterSeconds: nil), idempotent: true)
        == .retry(after: .milliseconds(500)))
  }

  @Test(
    "what waiting does not cure stops at once",
    arguments: [
      RetrySchedule.Outcome.answered(status: 401, retryAfterSeconds: nil),
      .answered(status: 413, retryAfterSeconds: nil), .answered(status: 422, retryAfterSeconds: nil),
      .answered(status: 429, retryAfterSeconds: 1), .answered(status: 404, retryAfterSeconds: nil),
      .answered(status: 500, retryAfterSeconds: nil), .failed(.tls), .failed(.unresolved), .failed(.aborted),
      .failed(.other),
    ])
  func stops(outcome: RetrySchedule.Outcome) {
    var schedule = RetrySchedule()
    #expect(schedule.next(after: outcome, idempotent: true) == .stop)
    #expect(schedule.failures == 0)
  }

  @Test("progress starts the backoff afresh")
  func progress() {
    var schedule = RetrySchedule()
    for _ in 0..<5 { _ = schedule.next(after: .failed(.dropped), idempotent: true) }
    schedule.progressed()
    #expect(schedule.next(after: .failed(.dropped), idempotent: true) == .retry(after: .milliseconds(250)))
  }
}
