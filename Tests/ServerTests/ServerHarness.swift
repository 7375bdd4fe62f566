import Analysis
import Execution
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Sandbox
import Store

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

  init(analyses: Bool = false, _ configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
    directory = NSTemporaryDirectory() + "coderemote-server-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    database = try ServerDatabase(path: directory + "/server.sqlite")
    var configuration = ServerConfiguration()
    configuration.workers = 2
    configuration.port = 0
    configure(&configuration)
    backend = LocalBackend(configuration: .default)
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
