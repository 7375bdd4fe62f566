import Analysis
import Execution
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Sandbox
import Settings
import Store
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
