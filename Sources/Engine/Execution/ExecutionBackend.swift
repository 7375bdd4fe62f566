/// Anything that can run code: the local sandbox, a remote server.
public protocol ExecutionBackend: Sendable {
  /// Which backend runs the code: "local", "remote" (results carry it as `backend`).
  var name: String { get }
  /// The isolation its runs get, as results and the status bar report it.
  var isolation: String { get }
  /// Starts the request and returns at once. The handle's events end with `.finished`; the stream
  /// fails (with an `ExecutionError`) only when the program could not be run at all.
  func run(_ request: ExecutionRequest) -> ExecutionHandle
}
