/// What a backend reports while a program runs; local and remote backends send the same events.
public enum ExecutionEvent: Sendable, Equatable {
  case started(id: String)
  case stdout([UInt8])
  case stderr([UInt8])
  case finished(ExecutionResult)
}

/// Anything that can run code: the local sandbox, a remote server.
public protocol ExecutionBackend: Sendable {
  /// Runs the request, streaming events; the last event is `.finished`. The stream throws only when
  /// the program could not be run at all. Cancelling the consuming task cancels the run.
  func run(_ request: ExecutionRequest) -> AsyncThrowingStream<ExecutionEvent, any Error>
}
