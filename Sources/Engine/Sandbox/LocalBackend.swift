import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// Runs code on this machine, in the strongest sandbox it offers (see `SandboxLayers`).
public struct LocalBackend: ExecutionBackend {
  public var configuration: SandboxConfiguration
  public var interpreter: PythonInterpreter?
  /// The layers detected at start; every run uses all of them that work for it.
  public let layers: SandboxLayers

  /// Keeps a warm box ready when asked to (see `WarmBoxPool`), for the configuration's limits.
  private let pool: WarmBoxPool?

  /// With `keepWarm`, runs whose limits are the configuration's take a box made ready in advance;
  /// call `close()` when done, so the last warm box goes too.
  public init(configuration: SandboxConfiguration = .default, keepWarm: Bool = false) {
    self.configuration = configuration
    let interpreter = PythonInterpreter.locate(configured: configuration.pythonPath)
    let layers = SandboxLayers.detect(configuration)
    self.interpreter = interpreter
    self.layers = layers
    pool = interpreter.flatMap { python in
      keepWarm
        ? WarmBoxPool(
          builder: SandboxRun(
            limits: configuration.limits, configuration: configuration, layers: layers, interpreter: python))
        : nil
    }
    pool?.refill()
    PhaseTrace.mark("layers detected")
  }

  /// Runs started with `run(_:)` and not yet cleaned up.
  private let inFlight = InFlightRuns()

  /// Discards the warm box, if any, and keeps no more; then waits (up to `timeout`) for runs still
  /// going — a cancelled one is being killed — to clean up, so quitting leaves nothing behind.
  public func close(waiting timeout: Duration = .seconds(3)) {
    pool?.close()
    inFlight.waitUntilNone(timeout: timeout)
  }

  /// The pid of the warm box's interpreter when one is ready (tests and benchmarks wait on it).
  public var warmProcess: pid_t? { pool?.readyProcess }

  /// How many runs took a warm box.
  var warmRunsTaken: Int { pool?.runsTaken ?? 0 }

  /// The isolation runs get, as results and the status bar report it (vocabulary in SandboxLayers).
  public var isolation: String { layers.isolation }

  public func run(_ request: ExecutionRequest) -> AsyncThrowingStream<ExecutionEvent, any Error> {
    let supervisor = Supervisor()
    let (stream, continuation) = AsyncThrowingStream.makeStream(
      of: ExecutionEvent.self, throwing: (any Error).self, bufferingPolicy: .unbounded)
    continuation.onTermination = { termination in
      if case .cancelled = termination { supervisor.cancel() }
    }
    let job = Job(
      request: request, backend: self, supervisor: supervisor, continuation: continuation)
    // The supervisor blocks in poll(2), so it gets a thread of its own rather than a task.
    inFlight.begin()
    DetachedThread.start { [inFlight] in
      defer { inFlight.end() }
      job.execute()
    }
    return stream
  }

  /// Runs `request` on the calling thread, which blocks until the program has ended; `onEvent` gets
  /// `.started`, `.stdout` and `.stderr` as they happen. For a caller with a thread to spare (the
  /// CLI): no tasks, no thread hop.
  public func runBlocking(_ request: ExecutionRequest, onEvent: (ExecutionEvent) -> Void) throws
    -> ExecutionResult
  {
    try execute(request, supervisor: Supervisor(), onEvent: onEvent)
  }

  private func execute(
    _ request: ExecutionRequest, supervisor: Supervisor, onEvent: (ExecutionEvent) -> Void
  ) throws -> ExecutionResult {
    guard request.language == "python" else { throw ExecutionError.unsupportedLanguage(request.language) }
    guard let interpreter else { throw ExecutionError.noInterpreter }
    let id = UUID().uuidString.lowercased()
    let onOutput = { (stream: Supervisor.Stream, bytes: [UInt8]) in
      onEvent(stream == .stdout ? .stdout(bytes) : .stderr(bytes))
    }
    defer { pool?.refill() }
    if let box = pool?.take(for: request.limits) {
      do {
        return try box.run(
          request, id: id, supervisor: supervisor, onStart: { onEvent(.started(id: id)) }, onOutput: onOutput)
      } catch is SandboxBox.Gone {
        // It died waiting (killed from outside, say): the program runs in a new box instead.
      }
    }
    let run = SandboxRun(
      limits: request.limits, configuration: configuration, layers: layers, interpreter: interpreter)
    return try run.execute(
      request, id: id, supervisor: supervisor, onStart: { onEvent(.started(id: id)) }, onOutput: onOutput)
  }

  private struct Job: @unchecked Sendable {
    let request: ExecutionRequest
    let backend: LocalBackend
    let supervisor: Supervisor
    let continuation: AsyncThrowingStream<ExecutionEvent, any Error>.Continuation

    func execute() {
      do {
        let result = try backend.execute(request, supervisor: supervisor) { continuation.yield($0) }
        continuation.yield(.finished(result))
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
  }
}
