/// What a backend implements so that a caller can steer a run it started; `ExecutionHandle` wraps
/// it. Every method is safe from any thread, at any time, any number of times: after the program
/// has ended they do nothing.
public protocol ExecutionControl: Sendable {
  /// Queues bytes for the program's standard input (dropped once stdin is closed).
  func send(stdin: [UInt8])
  /// Closes standard input once what was sent has been written: the program reads end of file.
  func closeStdin()
  /// Ends the program (TERM, then KILL); the run still finishes, with status `cancelled`.
  func cancel()
}
