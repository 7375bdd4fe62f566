import Execution
import Glibc

/// How the remote backend talks to one server: its address, the token, the TLS trust, and the
/// retry rules (RetrySchedule) around every request.
struct RemoteClient: Sendable {
  let endpoint: RemoteEndpoint
  let token: String?
  let transfer: CurlTransfer
  /// The retry budget each request starts with.
  var schedule = RetrySchedule()

  /// The headers every request carries.
  func headers(_ extra: [String] = []) -> [String] {
    (token.map { ["Authorization: Bearer \($0)"] } ?? []) + extra
  }

  /// A JSON request answered with 2xx (or a status in `accepting`), tried again as `RetrySchedule`
  /// allows; anything else is the `ExecutionError` that says what went wrong. Once `shouldAbort`
  /// says so, the transfer stops (within a second: libcurl asks at least that often) and is not
  /// tried again.
  func exchange(
    _ method: HTTPRequest.Method, _ route: String, body: [UInt8]? = nil, idempotent: Bool,
    timeoutSeconds: Int = 60, accepting: Set<Int> = [], shouldAbort: @escaping () -> Bool = { false }
  ) throws(ExecutionError) -> HTTPResponse {
    let request = HTTPRequest(
      method: method, url: endpoint.url(route),
      headers: headers(body == nil ? [] : ["Content-Type: application/json"]), body: body,
      timeoutSeconds: timeoutSeconds, freshConnection: !idempotent)
    var schedule = schedule
    var attempts = 0
    while true {
      attempts += 1
      let outcome = transfer.perform(request, shouldAbort: shouldAbort)
      if shouldAbort() { throw failure(outcome, attempts: attempts) }
      if case .success(let response) = outcome,
        (200..<300).contains(response.status) || accepting.contains(response.status)
      {
        return response
      }
      let step = schedule.next(after: RetrySchedule.Outcome(outcome), idempotent: idempotent)
      guard case .retry(let delay) = step else { throw failure(outcome, attempts: attempts) }
      Self.pause(delay)
    }
  }

  /// The error for an attempt that did not succeed.
  func failure(_ outcome: Result<HTTPResponse, TransportFailure>, attempts: Int) -> ExecutionError {
    switch outcome {
    case .success(let response):
      ExecutionError(response: response, server: endpoint.server, attempts: attempts)
    case .failure(let failure):
      ExecutionError(transport: failure, server: endpoint.server, attempts: attempts)
    }
  }

  /// Sleeps on this thread (every request of the client runs on a thread of its own).
  static func pause(_ delay: Duration) {
    let (seconds, attoseconds) = delay.components
    var left = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    while true {
      let asked = left
      guard withUnsafePointer(to: asked, { nanosleep($0, &left) }) != 0, errno == EINTR else { return }
    }
  }
}
