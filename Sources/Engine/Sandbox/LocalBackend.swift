import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// Runs code on this machine, in the strongest sandbox it offers (see `SandboxLayers`).
///
/// The life of a run: `run(_:)` makes a `Supervisor` (so that stdin and a cancel can reach the run
/// from the first moment), queues the request's stdin on it, and hands the rest to a thread of its
/// own. There the request is checked, then a box is found — the warm one if the pool has one for
/// these limits, else `BoxBuilder` builds a cold one with the program in place — and the
/// `PreparedBox` runs the program: it sends a warm box its program, the `Supervisor` streams
/// output, feeds stdin and ends the program on a limit or a cancel, and the box kills what is left
/// and removes what it made. The `RunClassifier` turns what happened into the result, which is
/// the last event. A failure before the program starts becomes an `ExecutionError` here, at the
/// boundary, and fails the events instead. Meanwhile the pool makes the next warm box.
public struct LocalBackend: ExecutionBackend {
  public var configuration: SandboxConfiguration
  public var interpreter: PythonInterpreter?
  /// The layers detected at start; every run uses all of them that work for it.
  public let layers: SandboxLayers

  /// Keeps a warm box ready when asked to (see `WarmBoxPool`), for the configuration's limits.
  private let pool: WarmBoxPool?

  /// With `keepWarm`, runs whose limits are the configuration's take a box made ready in advance
  /// (`warmBoxes` of them are kept ready: the server keeps one per worker slot); call `close()` when
  /// done, so the last warm boxes go too.
  public init(configuration: SandboxConfiguration = .default, keepWarm: Bool = false, warmBoxes: Int = 1) {
    self.configuration = configuration
    let interpreter = PythonInterpreter.locate(configured: configuration.pythonPath)
    let layers = SandboxLayers.detect(configuration)
    self.interpreter = interpreter
    self.layers = layers
    pool = interpreter.flatMap { python in
      keepWarm
        ? WarmBoxPool(
          builder: BoxBuilder(
            limits: configuration.limits, configuration: configuration, layers: layers, interpreter: python),
          capacity: warmBoxes)
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

  /// Waits (up to `timeout`) for a warm box to be ready — its interpreter started and waiting for a
  /// program; its interpreter's pid, or nil when none came in time (or the backend keeps none). For
  /// tests and benchmarks that need a box to take.
  public func waitForWarmBox(timeout: Duration = .seconds(10)) -> pid_t? {
    pool?.waitForBox(timeout: timeout)
  }

  /// How many runs took a warm box.
  var warmRunsTaken: Int { pool?.runsTaken ?? 0 }

  /// How many warm boxes are ready now.
  var warmBoxesReady: Int { pool?.readyCount ?? 0 }

  public var name: String { "local" }

  /// The isolation runs get, as results and the status bar report it (vocabulary in SandboxLayers).
  public var isolation: String { layers.isolation }

  public func run(_ request: ExecutionRequest) -> ExecutionHandle {
    let supervisor = Self.supervisor(for: request)
    let (handle, continuation) = ExecutionHandle.make(control: SupervisorControl(supervisor: supervisor))
    let job = Job(request: request, backend: self, supervisor: supervisor, continuation: continuation)
    // The supervisor blocks in poll(2), so it gets a thread of its own rather than a task.
    inFlight.begin()
    DetachedThread.start { [inFlight] in
      defer { inFlight.end() }
      job.execute()
    }
    return handle
  }

  /// Runs `request` on the calling thread, which blocks until the program has ended; `onEvent` gets
  /// `.started`, `.stdout` and `.stderr` as they happen. For a caller with a thread to spare (the
  /// CLI): no tasks, no thread hop. When the request keeps standard input open, `onControl` gets
  /// the run's controls before it starts, for another thread to send stdin through (the CLI's
  /// keyboard passthrough); it is called on this thread and must not block.
  public func runBlocking(
    _ request: ExecutionRequest, onControl: (any ExecutionControl) -> Void = { _ in },
    onEvent: (ExecutionEvent) -> Void
  ) throws(ExecutionError) -> ExecutionResult {
    let supervisor = Self.supervisor(for: request)
    onControl(SupervisorControl(supervisor: supervisor))
    return try execute(request, supervisor: supervisor, onEvent: onEvent)
  }

  /// A supervisor with the request's stdin queued, closed after it unless the request keeps it open.
  private static func supervisor(for request: ExecutionRequest) -> Supervisor {
    let supervisor = Supervisor()
    supervisor.send(stdin: request.stdin)
    if !request.keepsStdinOpen { supervisor.closeStdin() }
    return supervisor
  }

  private func execute(
    _ request: ExecutionRequest, supervisor: Supervisor, onEvent: (ExecutionEvent) -> Void
  ) throws(ExecutionError) -> ExecutionResult {
    guard request.language == "python" else { throw .unsupportedLanguage(request.language) }
    if let problem = request.limits.problem { throw .invalidRequest(problem) }
    guard let interpreter else { throw .noInterpreter }
    let id = UUID().uuidString.lowercased()
    let onOutput = { (stream: Supervisor.Stream, bytes: [UInt8]) in
      onEvent(stream == .stdout ? .stdout(bytes) : .stderr(bytes))
    }
    defer { pool?.refill() }
    let box: PreparedBox
    if request.arguments.contains(where: { $0.utf8.contains(0) }) {
      throw .invalidRequest("a program argument holds a NUL byte")
    }
    let displayName = request.displayName.isEmpty ? "main.py" : request.displayName
    if displayName.utf8.contains(0) { throw .invalidRequest("the program's display name holds a NUL byte") }
    let shared: [SharedPath]
    do {
      shared = try SharedPath.resolve(
        configuration.sharedPaths + request.sharedPaths, homes: SharedPath.homeDirectories())
    } catch {
      throw .invalidRequest(error.description)
    }
    if layers.namespaces == nil, let directory = shared.first(where: \.isDirectory) {
      throw .invalidRequest(
        "--with \(directory.source): a directory is shared only into a box of namespaces (root or "
          + "bubblewrap), and this machine runs without one; share its files one by one")
    }
    if let problem = request.filesProblem(sharedNames: shared.map(\.name)) { throw .invalidRequest(problem) }
    // A warm box's interpreter started before its arguments and files were known: such a run is cold.
    if request.arguments.isEmpty, shared.isEmpty, request.files.isEmpty,
      let warm = takeWarmBox(for: request, named: displayName)
    {
      box = warm
      // The replacement is made while this run goes on, so the next run finds one ready. It cannot
      // take this run's uid (held until the run ends); a box discarded wakes nobody, so its uid
      // stays free for the cold run that follows.
      pool?.refill()
    } else {
      let builder = BoxBuilder(
        limits: request.limits, configuration: configuration, layers: layers, interpreter: interpreter,
        programArguments: request.arguments, shared: shared, requestFiles: request.files,
        displayName: displayName)
      do {
        box = try builder.coldBox(program: Array(request.code.utf8))
      } catch {
        throw ExecutionError(buildingBox: error)
      }
    }
    return box.run(
      request, id: id, supervisor: supervisor, onStart: { onEvent(.started(id: id)) }, onOutput: onOutput)
  }

  /// The pool's warm box for `request`, sent its program; nil when there is none, or when the
  /// program could not be sent (its interpreter died waiting): that box is discarded here and now
  /// — killed, reaped, its cgroup and work dir removed, its uid given back — so the cold box the
  /// run builds instead can have the uid, and nothing of the dead box waits for its release.
  private func takeWarmBox(for request: ExecutionRequest, named name: String) -> PreparedBox? {
    guard let warm = pool?.take(for: request.limits) else { return nil }
    guard warm.send(name: name, program: Array(request.code.utf8)) else {
      warm.discard()
      return nil
    }
    return warm
  }

  /// The handle's controls, carried out by the run's supervisor.
  private struct SupervisorControl: ExecutionControl {
    let supervisor: Supervisor
    func send(stdin: [UInt8]) { supervisor.send(stdin: stdin) }
    func closeStdin() { supervisor.closeStdin() }
    func cancel() { supervisor.cancel() }
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
