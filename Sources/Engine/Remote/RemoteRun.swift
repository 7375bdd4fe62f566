import Execution
import FoundationEssentials

/// One run on a server, on the calling thread: submit the job, follow its event stream until the
/// `finished` event, and turn the server's events into the same `ExecutionEvent`s a local run
/// sends. A stream that breaks (the connection dropped, the server restarted, the server dropped
/// a slow client) is opened again with `Last-Event-ID`, so no event is lost or repeated; one that
/// stays broken through the retry budget ends the run with a clear error, never a hang.
struct RemoteRun {
  let client: RemoteClient
  let request: ExecutionRequest
  let control: RemoteControl

  func execute(onEvent: (ExecutionEvent) -> Void) throws(ExecutionError) -> ExecutionResult {
    try Self.check(request)
    let id = try submit()
    control.attach(id: id)
    defer { control.end() }
    var result = try follow(id, onEvent: onEvent)
    result.backend = "remote"
    return result
  }

  /// What the server cannot do with a request, said before anything is sent.
  static func check(_ request: ExecutionRequest) throws(ExecutionError) {
    if !request.arguments.isEmpty {
      throw .invalidRequest("a server takes no program arguments yet (run locally to pass them)")
    }
    if !request.sharedPaths.isEmpty {
      throw .invalidRequest("--with shares this machine's files, which a server cannot see")
    }
    if let problem = request.limits.problem { throw .invalidRequest(problem) }
  }

  /// The request as `POST /v1/executions` takes it.
  static func body(of request: ExecutionRequest) -> [UInt8] {
    struct Body: Encodable {
      var language: String
      var code: String
      var display_name: String?
      var stdin_b64: String?
      var interactive: Bool
      var limits: ExecutionLimits
    }
    let body = Body(
      language: request.language, code: request.code,
      display_name: request.displayName.isEmpty ? nil : request.displayName,
      stdin_b64: request.stdin.isEmpty ? nil : Data(request.stdin).base64EncodedString(),
      interactive: request.keepsStdinOpen, limits: request.limits)
    return (try? Array(JSONEncoder().encode(body))) ?? []
  }

  /// The job's id. A submission is not sent twice once it may have reached the server.
  private func submit() throws(ExecutionError) -> String {
    let response = try client.exchange(
      .post, "/v1/executions", body: Self.body(of: request), idempotent: false)
    struct Accepted: Decodable { var id: String }
    guard let accepted = try? JSONDecoder().decode(Accepted.self, from: Data(response.body)),
      !accepted.id.isEmpty, accepted.id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
    else {
      throw ExecutionError(
        code: .backendFailure,
        message: "the server at \(client.endpoint.server) accepted the run without an id")
    }
    return accepted.id
  }

  private func follow(_ id: String, onEvent: (ExecutionEvent) -> Void) throws(ExecutionError)
    -> ExecutionResult
  {
    var schedule = client.schedule
    var lastEventID = ""
    var started = false
    var attempts = 0
    while true {
      attempts += 1
      var parser = SSEParser()
      var finished: ExecutionResult?
      var unreadable: ExecutionError?
      var headers = client.headers(["Accept: text/event-stream"])
      if !lastEventID.isEmpty { headers.append("Last-Event-ID: \(lastEventID)") }
      let outcome = withoutActuallyEscaping(onEvent) { onEvent in
        client.transfer.perform(
          HTTPRequest(
            method: .get, url: client.endpoint.url("/v1/executions/\(id)/events"), headers: headers,
            timeoutSeconds: nil),
          onStream: { bytes in
            for event in parser.feed(bytes) where finished == nil && unreadable == nil {
              lastEventID = event.lastEventID
              schedule.progressed()
              attempts = 1
              do throws(ExecutionError) {
                switch try ServerEvent(event) {
                case .status("running") where !started:
                  started = true
                  control.markRunning()
                  onEvent(.started(id: id))
                case .output(let output): onEvent(output)
                case .finished(let result): finished = result
                case .status, .closed, .unknown: break
                }
              } catch {
                unreadable = error
              }
            }
          }, shouldAbort: { finished != nil || unreadable != nil })
      }
      if let finished { return finished }
      if let unreadable { throw unreadable }
      if case .success(let response) = outcome, response.status == 200 {
        // The stream ended without the result: the server closed it (a restart, a slow client).
        guard case .retry(let delay) = schedule.next(after: .failed(.dropped), idempotent: true) else {
          throw ExecutionError(
            transport: TransportFailure(kind: .dropped, message: "the event stream ended before the result"),
            server: client.endpoint.server, attempts: attempts)
        }
        RemoteClient.pause(delay)
        continue
      }
      let step = schedule.next(after: RetrySchedule.Outcome(outcome), idempotent: true)
      guard case .retry(let delay) = step else { throw client.failure(outcome, attempts: attempts) }
      RemoteClient.pause(delay)
    }
  }
}
