import Execution
import Processes

/// Runs code on a Code Remote server (`coderemote serve`) over HTTP and server-sent events, with
/// libcurl (opened on the first run). Its handle gives the same events and the same result as the
/// local backend's: `.started`, output as it streams, `.finished` with the server's result
/// (`backend` "remote", `isolation` as the server's sandbox reports it). The request goes to the
/// server as given; the server lowers limits to its own caps.
public struct RemoteBackend: ExecutionBackend {
  public let endpoint: RemoteEndpoint
  let client: RemoteClient

  /// `token` is sent as `Authorization: Bearer`; `caFile` is a PEM bundle of CAs to trust besides
  /// the system's (TLS verification itself is never off).
  public init(url: String, token: String?, caFile: String? = nil) throws(ExecutionError) {
    endpoint = try RemoteEndpoint(url)
    if let token, token.isEmpty || token.contains(where: { $0.isNewline || $0 == " " || !$0.isASCII }) {
      throw .invalidRequest("the token must be one word of ASCII (as `coderemote tokens create` prints it)")
    }
    client = RemoteClient(endpoint: endpoint, token: token, transfer: CurlTransfer(caFile: caFile))
  }

  public var name: String { "remote" }

  /// Before a run has said more: the server the runs go to.
  public var isolation: String { "remote \(endpoint.server)" }

  public func run(_ request: ExecutionRequest) -> ExecutionHandle {
    let control = RemoteControl(client: client, interactive: request.keepsStdinOpen)
    let (handle, continuation) = ExecutionHandle.make(control: control)
    let run = RemoteRun(client: client, request: request, control: control)
    DetachedThread.start {
      do {
        let result = try run.execute { continuation.yield($0) }
        continuation.yield(.finished(result))
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    return handle
  }

  /// Runs `request` on the calling thread, which blocks until the result (the CLI's way, as
  /// `LocalBackend.runBlocking`): `onControl` gets the controls first, for another thread to send
  /// stdin through; `onEvent` gets `.started` and the output as they come.
  public func runBlocking(
    _ request: ExecutionRequest, onControl: (any ExecutionControl) -> Void = { _ in },
    onEvent: (ExecutionEvent) -> Void
  ) throws(ExecutionError) -> ExecutionResult {
    let control = RemoteControl(client: client, interactive: request.keepsStdinOpen)
    onControl(control)
    return try RemoteRun(client: client, request: request, control: control).execute(onEvent: onEvent)
  }
}
