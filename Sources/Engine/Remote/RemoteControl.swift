import Execution
import FoundationEssentials
import Processes

/// The controls of one remote run: stdin and cancel become `POST /v1/executions/{id}/stdin` and
/// `…/cancel`, sent in order by one thread of their own, so the caller never waits on the network.
///
/// What is asked before the server has given the job an id (a cancel) or before the program has
/// started (input: the server refuses it until then) is kept and sent as soon as it can be. Input
/// goes in chunks of at most `chunkBytes`, the last one with `eof` once `closeStdin()` was asked.
/// A refused chunk (the program has ended: 409) drops the rest, as a local run drops input sent
/// after its end.
final class RemoteControl: ExecutionControl, @unchecked Sendable {
  /// Bytes of input per request: base64 and JSON stay under the server's 64 KiB for a chunk.
  static let chunkBytes = 32 << 10

  private struct State {
    var id: String?
    var running = false
    var pending: [UInt8] = []
    var closeWanted = false
    var closeSent = false
    var stdinRefused = false
    var cancelWanted = false
    var cancelSent = false
    var ended = false

    var hasWork: Bool {
      guard id != nil else { return false }
      if cancelWanted && !cancelSent { return true }
      return running && !stdinRefused && (!pending.isEmpty || (closeWanted && !closeSent))
    }
  }

  private enum Work {
    case cancel(String)
    case stdin(String, [UInt8], eof: Bool)
  }

  private let client: RemoteClient
  private let interactive: Bool
  private let state = Monitor(State())

  init(client: RemoteClient, interactive: Bool) {
    self.client = client
    self.interactive = interactive
  }

  func send(stdin: [UInt8]) {
    guard interactive, !stdin.isEmpty else { return }
    state.update { if !$0.closeWanted && !$0.ended && !$0.stdinRefused { $0.pending += stdin } }
  }

  func closeStdin() { state.update { $0.closeWanted = true } }

  func cancel() { state.update { $0.cancelWanted = true } }

  var isCancelled: Bool { state.update { $0.cancelWanted } }

  /// The server took the job: from here on, controls reach it.
  func attach(id: String) {
    state.update { $0.id = id }
    DetachedThread.start { [self] in deliver() }
  }

  /// The program has started: input may go to it now.
  func markRunning() { state.update { $0.running = true } }

  /// The run is over: what was not sent is dropped and the sending thread ends.
  func end() { state.update { $0.ended = true } }

  private func deliver() {
    while let work = nextWork() {
      switch work {
      case .cancel(let id):
        _ = try? client.exchange(
          .post, "/v1/executions/\(id)/cancel", body: Array("{}".utf8), idempotent: true)
      case .stdin(let id, let bytes, let eof):
        var body = "{\"data_b64\":\"\(Data(bytes).base64EncodedString())\""
        if eof { body += ",\"eof\":true" }
        body += "}"
        do {
          _ = try client.exchange(
            .post, "/v1/executions/\(id)/stdin", body: Array(body.utf8), idempotent: false)
        } catch {
          state.update {
            $0.stdinRefused = true
            $0.pending = []
          }
        }
      }
    }
  }

  /// Waits for something to send; nil once the run has ended.
  private func nextWork() -> Work? {
    state.wait { $0.ended || $0.hasWork }
    return state.update { state -> Work? in
      guard !state.ended, let id = state.id else { return nil }
      if state.cancelWanted && !state.cancelSent {
        state.cancelSent = true
        return .cancel(id)
      }
      let chunk = Array(state.pending.prefix(Self.chunkBytes))
      state.pending.removeFirst(chunk.count)
      let eof = state.closeWanted && state.pending.isEmpty
      if eof { state.closeSent = true }
      return .stdin(id, chunk, eof: eof)
    }
  }
}
