/// A run in progress: its events, and the controls for it. Dropping the events' consumer (its task
/// cancelled) cancels the run too.
public final class ExecutionHandle: Sendable {
  /// `.started`, then output as it comes, then `.finished(result)`. Fails only with an
  /// `ExecutionError`, and only when the program could not be run at all.
  public let events: AsyncThrowingStream<ExecutionEvent, any Error>
  private let control: any ExecutionControl

  public init(events: AsyncThrowingStream<ExecutionEvent, any Error>, control: any ExecutionControl) {
    self.events = events
    self.control = control
  }

  /// Bytes for the program's standard input, while it is open (`ExecutionRequest.keepsStdinOpen`).
  public func send(stdin: [UInt8]) { control.send(stdin: stdin) }
  /// The program reads end of file once everything sent has been written.
  public func closeStdin() { control.closeStdin() }
  /// Ends the program; the events still end with its (`cancelled`) result.
  public func cancel() { control.cancel() }

  /// A handle and the continuation a backend feeds its events into; a consumer that stops
  /// listening (its task cancelled) cancels the run through `control`.
  public static func make(control: any ExecutionControl) -> (
    ExecutionHandle, AsyncThrowingStream<ExecutionEvent, any Error>.Continuation
  ) {
    let (events, continuation) = AsyncThrowingStream.makeStream(
      of: ExecutionEvent.self, throwing: (any Error).self, bufferingPolicy: .unbounded)
    continuation.onTermination = { termination in
      if case .cancelled = termination { control.cancel() }
    }
    return (ExecutionHandle(events: events, control: control), continuation)
  }
}
