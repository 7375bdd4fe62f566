import Execution
import Processes

extension RemoteClient {
  /// `exchange` for a caller in a task: on a thread of its own (a transfer blocks), and given up
  /// when the task is cancelled. The caller then gets `CancellationError` at once, and the
  /// transfer is aborted (libcurl's progress callback says so within a second), closing its
  /// connection, and not tried again.
  func exchange(
    _ method: HTTPRequest.Method, _ route: String, body: [UInt8]? = nil, idempotent: Bool,
    timeoutSeconds: Int = 60, accepting: Set<Int> = []
  ) async throws -> HTTPResponse {
    let pending = PendingExchange()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        guard pending.begin(continuation) else { return }
        DetachedThread.start {
          let outcome = Result { () throws(ExecutionError) -> HTTPResponse in
            try exchange(
              method, route, body: body, idempotent: idempotent, timeoutSeconds: timeoutSeconds,
              accepting: accepting, shouldAbort: { pending.isCancelled })
          }
          pending.end(outcome.mapError { $0 as any Error })
        }
      }
    } onCancel: {
      pending.cancel()
    }
  }
}

/// One exchange a task waits for: resumed once, by its answer or by the task's cancellation,
/// whichever comes first.
private final class PendingExchange: Sendable {
  private struct State {
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    var cancelled = false
  }

  private let state = Monitor(State())

  var isCancelled: Bool { state.update { $0.cancelled } }

  /// Keeps the continuation for the answer; false (having resumed it) when the task was
  /// cancelled before the exchange began.
  func begin(_ continuation: CheckedContinuation<HTTPResponse, any Error>) -> Bool {
    let cancelled = state.update { state -> Bool in
      if !state.cancelled { state.continuation = continuation }
      return state.cancelled
    }
    if cancelled { continuation.resume(throwing: CancellationError()) }
    return !cancelled
  }

  func end(_ outcome: Result<HTTPResponse, any Error>) {
    take()?.resume(with: outcome)
  }

  func cancel() {
    let continuation = state.update { state -> CheckedContinuation<HTTPResponse, any Error>? in
      state.cancelled = true
      defer { state.continuation = nil }
      return state.continuation
    }
    continuation?.resume(throwing: CancellationError())
  }

  private func take() -> CheckedContinuation<HTTPResponse, any Error>? {
    state.update { state in
      defer { state.continuation = nil }
      return state.continuation
    }
  }
}
