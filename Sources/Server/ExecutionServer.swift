import Execution
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import Store
import UnixSignals

/// `coderemote serve`: the HTTP, SSE and WebSocket API (docs/api.md, docs/openapi.yaml) over the
/// job queue and the backend. The routes live in `ExecutionServer+*.swift`.
public struct ExecutionServer: Sendable {
  let service: ExecutionService
  let tokens: TokenStore
  let configuration: ServerConfiguration
  let languageVersion: String
  /// The complexity analyser for `POST /v1/analyses`; without one that route answers 503.
  let analyzer: (any CodeAnalyzing)?

  public init(
    database: ServerDatabase, backend: any ExecutionBackend, isolation: String, languageVersion: String,
    analyzer: (any CodeAnalyzing)? = nil, configuration: ServerConfiguration, logger: Logger
  ) {
    self.analyzer = analyzer
    service = ExecutionService(
      queue: database.jobs, backend: backend, isolation: isolation, configuration: configuration,
      logger: logger)
    tokens = database.tokens
    self.configuration = configuration
    self.languageVersion = languageVersion
  }

  /// The routes and middleware, for the application and for in-process tests.
  func router() -> Router<ServerContext> {
    let router = Router(context: ServerContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: Authentication(tokens: tokens, allowAnonymous: configuration.allowAnonymous))
    addMetaRoutes(to: router)
    addExecutionRoutes(to: router)
    addEventRoutes(to: router)
    addWebSocketRoute(to: router)
    return router
  }

  /// The application; `onListening` gets the port it bound (the configured one, or a free one for 0).
  func application(onListening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
    let idle = TimeAmount.milliseconds(Int64(configuration.idleTimeoutSeconds * 1000))
    return Application(
      router: router(),
      server: .http1WebSocketUpgrade(
        webSocketRouter: router(),
        configuration: .init(
          http1: .init(idleTimeout: idle),
          ws: .init(maxFrameSize: configuration.maximumBodyBytes))),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
      onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
      logger: service.logger)
  }

  /// Recovers what a stopped server left, then serves until SIGTERM or SIGINT: new jobs are refused,
  /// running ones get the grace period (then are requeued), and the listener closes.
  public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
    try await service.recover()
    let group = ServiceGroup(
      configuration: .init(
        services: [
          .init(service: application(onListening: onListening)),
          .init(service: Workers(service: service)),
        ],
        gracefulShutdownSignals: [.sigterm, .sigint], logger: service.logger))
    try await group.run()
  }
}

/// The worker slots and the cleanup, as a service: shut down first (services stop in reverse
/// order), so jobs drain while the listener still answers.
struct Workers: Service {
  let service: ExecutionService

  func run() async throws {
    await withDiscardingTaskGroup { group in
      group.addTask { await service.cleanUp() }
      await withGracefulShutdownHandler {
        await service.runWorkers()
      } onGracefulShutdown: {
        Task { await service.drain() }
      }
      group.cancelAll()
    }
  }
}
