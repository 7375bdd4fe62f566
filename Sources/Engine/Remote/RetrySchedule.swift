/// Whether, and after how long, to try a request again: a pure state machine, fed what each attempt
/// met, so the tests walk it without a network or a clock.
///
/// Tried again: a connection never made (nothing was sent), and a 503 (the server is full or
/// stopping: it says when to come back with `Retry-After`, which then replaces the backoff). A
/// request that may run something twice if repeated (`idempotent: false`, a submission) is not
/// tried again once it may have been sent; an idempotent one (reading the event stream, which
/// resumes with `Last-Event-ID`) also is after a dropped connection or a proxy's 502/504. Nothing
/// else is: a refused token, a bad request, a rate limit or a TLS failure will not change by
/// waiting a little. The waits double from `firstDelay` up to `longestDelay`, and stop after
/// `maximumAttempts` attempts or once `maximumWait` in all would be passed: a server that stays
/// away gives a clear error, never a hang.
struct RetrySchedule: Sendable, Equatable {
  enum Outcome: Equatable, Sendable {
    case answered(status: Int, retryAfterSeconds: Int?)
    case failed(TransportFailure.Kind)
  }

  enum Step: Equatable, Sendable {
    case retry(after: Duration)
    /// Worth trying again, but the budget is spent.
    case giveUp
    /// Not a failure that waiting cures (or not a failure at all).
    case stop
  }

  var maximumAttempts = 6
  var maximumWait: Duration = .seconds(20)
  var firstDelay: Duration = .milliseconds(250)
  var longestDelay: Duration = .seconds(4)

  /// Failed attempts since the start (or the last progress).
  private(set) var failures = 0
  /// Time spent waiting between them.
  private(set) var waited: Duration = .zero

  init() {}

  /// What to do after an attempt that ended with `outcome`.
  mutating func next(after outcome: Outcome, idempotent: Bool) -> Step {
    guard let serverWait = Self.retryable(outcome, idempotent: idempotent) else { return .stop }
    failures += 1
    let backoff = min(firstDelay * (1 << min(failures - 1, 20)), longestDelay)
    let delay = serverWait.map { Duration.seconds($0) } ?? backoff
    guard failures < maximumAttempts, waited + delay <= maximumWait else { return .giveUp }
    waited += delay
    return .retry(after: delay)
  }

  /// The stream moved on (an event came): a later failure starts the backoff afresh.
  mutating func progressed() {
    failures = 0
    waited = .zero
  }

  /// Nil when not worth trying again; else the server's own wait, if it gave one.
  private static func retryable(_ outcome: Outcome, idempotent: Bool) -> Int?? {
    switch outcome {
    case .answered(503, let retryAfter): .some(retryAfter)
    case .answered(502, _), .answered(504, _): idempotent ? .some(nil) : nil
    case .answered: nil
    case .failed(.notConnected): .some(nil)
    case .failed(.dropped): idempotent ? .some(nil) : nil
    case .failed(.unresolved), .failed(.tls), .failed(.aborted), .failed(.other): nil
    }
  }
}
