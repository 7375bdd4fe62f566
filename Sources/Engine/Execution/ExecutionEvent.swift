/// What a backend reports while a program runs; local and remote backends send the same events.
public enum ExecutionEvent: Sendable, Equatable {
  case started(id: String)
  case stdout([UInt8])
  case stderr([UInt8])
  case finished(ExecutionResult)
}
