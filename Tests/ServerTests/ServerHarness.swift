import Analysis
import Execution
import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import Logging
import Sandbox
import Settings
import Store
import Synchronization
import Testing

@testable import Server

/// A server over a real SQLite file and the real local sandbox, for in-process tests: routes are
/// called through Hummingbird's test client; workers run when a test starts them.
final class ServerHarness: @unchecked Sendable {
  let directory: String
  let database: ServerDatabase
  let backend: LocalBackend
  let server: ExecutionServer
  var service: ExecutionService { server.service }
  private var workers: Task<Void, Never>?

  init(
    analyses: Bool = false, sandbox: SandboxConfiguration = .default,
    _ configure: (inout ServerConfiguration) -> Void = { _ in }
  ) throws {
    directory = NSTemporaryDirectory() + "coderemote-server-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    database = try ServerDatabase(path: directory + "/server.sqlite")
    var configuration = ServerConfiguration()
    configuration.workers = 2
    configuration.port = 0
    configure(&configuration)
    backend = LocalBackend(configuration: sandbox)
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    server = ExecutionServer(
      database: database, backend: backend, isolation: backend.isolation, languageVersion: "3.test",
      analyzer: analyses ? ComplexityAnalyzer(backend: backend, limits: .defaults, budgetSeconds: 1) : nil,
      configuration: configuration, logger: logger)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// A live token's secret.
  func token(_ name: String = "test") throws -> String {
    let secret = TokenSecret.generate()
    try database.tokens.add(
      StoredToken(id: TokenSecret.generateID(), name: name, hash: TokenSecret.hash(secret), createdAt: 1))
    return secret
  }

  func startWorkers() {
    workers = Task { [service] in await service.runWorkers() }
  }

  /// Stops the workers (running jobs finish or are requeued) and waits for them.
  func stop() async {
    await service.drain()
    await workers?.value
    backend.close()
  }

  /// Runs `body` with a client of the in-process router, workers running when `workers` is set.
  @discardableResult
  func test<T>(
    _ setup: TestingSetup = .router, workers: Bool = true,
    _ body: @Sendable (any TestClientProtocol) async throws -> T
  ) async throws -> T {
    if workers { startWorkers() }
    do {
      let value = try await server.application().test(setup, body)
      await stop()
      return value
    } catch {
      await stop()
      throw error
    }
  }
}

extension ServerHarness {
  /// One WebSocket session on a live server, as a new token's holder: `messages` sent, and what
  /// the server sent back up to a `finished` message (see `TestClientProtocol.webSocket`).
  func webSocket(
    sending messages: [String], reply: @escaping @Sendable (String) -> String? = { _ in nil }
  ) async throws -> [String] {
    let secret = try token()
    return try await test(.live) { client in
      try await client.webSocket(token: secret, sending: messages, reply: reply)
    }
  }
}

/// The requests most tests make, in one place.
extension TestClientProtocol {
  /// POST /v1/executions (with `?wait=true` when `wait`) of `body`, as `token`'s holder.
  func submit(_ body: String, token: String, wait: Bool = false) async throws -> TestResponse {
    try await execute(
      uri: "/v1/executions" + (wait ? "?wait=true" : ""), method: .post, headers: .bearer(token),
      body: .json(body)
    ) { $0 }
  }

  /// Queues `body` and returns the new job's id (the answer must be 202).
  func queue(_ body: String, token: String) async throws -> String {
    let response = try await submit(body, token: token)
    #expect(response.status == .accepted, "\(response.text)")
    return try #require(response.json["id"] as? String)
  }

  /// GET /v1/executions/{id}: the job's result, or its state while it is not finished.
  func execution(_ id: String, token: String) async throws -> TestResponse {
    try await execute(uri: "/v1/executions/\(id)", method: .get, headers: .bearer(token)) { $0 }
  }

  /// GET /v1/executions/{id}/events, read to its end (a finished job's stream ends), from after
  /// `lastEventID` when given.
  func events(of id: String, token: String, after lastEventID: Int64? = nil) async throws -> [SSE.Event] {
    var headers = HTTPFields.bearer(token)
    if let lastEventID { headers[.lastEventID] = String(lastEventID) }
    return try await execute(uri: "/v1/executions/\(id)/events", method: .get, headers: headers) { response in
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "text/event-stream")
      return SSE.parse(response.text)
    }
  }

  /// POST /v1/executions/{id}/cancel.
  func cancel(_ id: String, token: String) async throws -> TestResponse {
    try await execute(uri: "/v1/executions/\(id)/cancel", method: .post, headers: .bearer(token)) { $0 }
  }

  /// POST /v1/executions/{id}/stdin of `body`.
  func sendStdin(_ body: String, to id: String, token: String) async throws -> TestResponse {
    try await execute(
      uri: "/v1/executions/\(id)/stdin", method: .post, headers: .bearer(token), body: .json(body)
    ) { $0 }
  }

  /// Opens `/v1/ws` as `token`'s holder (on a live server), sends `messages`, and returns every
  /// text message the server sends, up to a `finished` one; `reply` may answer a message as it
  /// comes (input once the program has started).
  func webSocket(
    token: String, sending messages: [String], reply: @escaping @Sendable (String) -> String? = { _ in nil }
  ) async throws -> [String] {
    let received = Mutex<[String]>([])
    try await ws("/v1/ws", configuration: .init(additionalHeaders: [.authorization: "Bearer \(token)"])) {
      inbound, outbound, _ in
      for message in messages { try await outbound.write(.text(message)) }
      for try await message in inbound.messages(maxSize: 1 << 20) {
        guard case .text(let text) = message else { continue }
        received.withLock { $0.append(text) }
        if text.contains(#""type":"finished""#) { break }
        if let answer = reply(text) { try await outbound.write(.text(answer)) }
      }
    }
    return received.withLock { $0 }
  }

  /// Queues a program that prints `up`, then sleeps 30 s, and returns its id once it has printed:
  /// a job that is running for as long as a test needs (it cancels or stops it).
  func startSleepingJob(token: String, in service: ExecutionService) async throws -> String {
    let id = try await queue(ServerFixtures.sleeping, token: token)
    _ = try #require(await ServerFixtures.waitFor("up", kind: "stdout", of: id, in: service))
    return id
  }
}

/// Programs and waits several suites share.
enum ServerFixtures {
  static let sleeping =
    #"{"language":"python","code":"import time\nprint('up', flush=True)\ntime.sleep(30)"}"#

  /// Waits for the job's next event of `kind` whose payload contains `text`, from `after` on; nil
  /// when the job finishes first.
  static func waitFor(
    _ text: String, kind: String, of id: String, in service: ExecutionService, after: Int64 = 0
  ) async -> Int64? {
    for await item in service.watch(id, after: after) {
      guard case .event(let event) = item else { continue }
      if event.kind == kind, String(decoding: event.data, as: UTF8.self).contains(text) { return event.id }
      if event.kind == EventPayload.finished { return nil }
    }
    return nil
  }
}

/// What WebSocket messages hold, read as JSON.
enum WebSocketMessages {
  static func object(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
  }

  /// Each message's `type`, in order.
  static func types(_ messages: [String]) -> [String] {
    messages.compactMap { object($0)["type"] as? String }
  }

  /// The `stdout` messages' text, joined.
  static func stdout(_ messages: [String]) -> String {
    messages.map(object).filter { $0["type"] as? String == "stdout" }.compactMap { $0["data"] as? String }
      .joined()
  }
}

extension HTTPFields {
  static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }
}

extension TestResponse {
  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
  }
  var text: String { String(buffer: body) }
  var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
  var errorField: String? { (json["error"] as? [String: Any])?["field"] as? String }
}

extension ByteBuffer {
  static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}
