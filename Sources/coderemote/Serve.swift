import Analysis
import Arguments
import Dispatch
import Execution
import FoundationEssentials
import Glibc
import Logging
import Sandbox
import Server
import Settings
import Store

/// `coderemote serve`: runs the execution server until SIGTERM or SIGINT.
struct Serve: Command {
  static let spec = CommandSpec(
    name: "serve",
    abstract: "Serve the sandbox over HTTP, SSE and WebSocket (docs/api.md).",
    discussion: """
      Every route but /healthz needs `Authorization: Bearer TOKEN` (see `coderemote tokens`) unless \
      --allow-anonymous is given. Port 0 picks a free port. Prints `listening on http://HOST:PORT` \
      once it accepts connections; logs go to standard error.
      """,
    options: [
      .value("host", "address", help: "The address to listen on (default 127.0.0.1)."),
      .value("port", "port", help: "The port to listen on (default 8080; 0 for a free one)."),
      .value("db", "path", help: "The server database (default: server.sqlite in the data directory)."),
      .value("workers", "n", help: "Jobs that run at once (default: the number of cores)."),
      .flag("allow-anonymous", help: "Serve callers without a token."),
    ])

  var configuration = ServerConfiguration()
  var databasePath: String

  init(_ parsed: ParsedCommand) throws(UsageError) {
    configuration.host = parsed.value("host") ?? configuration.host
    configuration.port = try parsed.integer("port", in: 0...65_535, unit: "port") ?? configuration.port
    configuration.workers =
      try parsed.integer("workers", in: 1...256, unit: "workers")
      ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    configuration.allowAnonymous = parsed.flag("allow-anonymous")
    databasePath = parsed.value("db") ?? Self.defaultDatabasePath()
  }

  static func defaultDatabasePath() -> String { Paths.dataDirectory() + "/server.sqlite" }

  func run() throws(CLIFailure) {
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel =
        ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
      return handler
    }
    let logger = Logger(label: "coderemote.serve")
    var configuration = self.configuration
    let sandbox: SandboxConfiguration
    do {
      let loaded = try Configuration.load()
      sandbox = loaded.sandbox
      configuration.apply(loaded.server)
    } catch {
      throw .cannotRun(error.description)
    }
    // Runs that ask for no limits get the sandbox's configured ones, and so a warm box.
    configuration.defaultLimits = sandbox.limits
    let database: ServerDatabase
    do {
      database = try ServerDatabase(path: databasePath)
    } catch {
      throw .cannotRun("cannot open the server database: \(error)")
    }
    if let moved = database.movedAside {
      LiveOutput.writeAll(Array("coderemote: \(moved)\n".utf8), to: STDERR_FILENO)
    }
    let backend = LocalBackend(configuration: sandbox, keepWarm: true, warmBoxes: configuration.workers)
    guard let python = backend.interpreter else {
      throw .cannotRun(ExecutionError.noInterpreter.description)
    }
    let server = ExecutionServer(
      database: database, backend: backend, isolation: backend.isolation,
      languageVersion: SystemReport.version(of: python.path) ?? "unknown",
      analyzer: ComplexityAnalyzer(backend: backend, limits: sandbox.limits, budgetSeconds: 3),
      configuration: configuration,
      logger: logger)
    let host = configuration.host
    Task.detached {
      do {
        try await server.run { port in
          LiveOutput.writeAll(Array("listening on http://\(host):\(port)\n".utf8), to: STDOUT_FILENO)
        }
        backend.close()
        logger.info("stopped")
        Glibc.exit(0)
      } catch {
        backend.close()
        CLIFailure.cannotRun("the server stopped: \(error)").exit()
      }
    }
    dispatchMain()
  }
}
