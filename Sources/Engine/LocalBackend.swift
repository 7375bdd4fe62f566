import Foundation
import Glibc

/// Runs code on this machine.
public struct LocalBackend: ExecutionBackend {
  public var interpreter: PythonInterpreter?

  public init(interpreter: PythonInterpreter? = PythonInterpreter.locate()) {
    self.interpreter = interpreter
  }

  /// The isolation this backend gives every run, as results and the status bar report it.
  public var isolation: String { "none" }

  public func run(_ request: ExecutionRequest) -> AsyncThrowingStream<ExecutionEvent, any Error> {
    let supervisor = Supervisor()
    let (stream, continuation) = AsyncThrowingStream.makeStream(
      of: ExecutionEvent.self, throwing: (any Error).self, bufferingPolicy: .unbounded)
    continuation.onTermination = { termination in
      if case .cancelled = termination { supervisor.cancel() }
    }
    let job = Job(
      request: request, interpreter: interpreter, isolation: isolation, supervisor: supervisor,
      continuation: continuation)
    // The supervisor blocks in poll(2), so it gets a thread of its own rather than a task.
    Thread { job.execute() }.start()
    return stream
  }

  private struct Job: @unchecked Sendable {
    let request: ExecutionRequest
    let interpreter: PythonInterpreter?
    let isolation: String
    let supervisor: Supervisor
    let continuation: AsyncThrowingStream<ExecutionEvent, any Error>.Continuation

    func execute() {
      do {
        continuation.yield(.finished(try runToEnd()))
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }

    private func runToEnd() throws -> ExecutionResult {
      guard request.language == "python" else { throw ExecutionError.unsupportedLanguage(request.language) }
      guard let interpreter else { throw ExecutionError.noInterpreter }
      let id = UUID().uuidString.lowercased()
      let work = try WorkDirectory()
      defer { work.remove() }
      try work.write("main.py", request.code)
      let plan = LaunchPlan(
        executable: interpreter.path, arguments: ["-I", "-u", "main.py"],
        environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": work.path],
        workingDirectory: work.path)
      let limits = request.limits
      let outcome = try supervisor.supervise(
        plan, stdin: request.stdin, wallMilliseconds: limits.wallMilliseconds,
        outputCapBytes: limits.outputKilobytes * 1_024,
        onStart: { _ in continuation.yield(.started(id: id)) },
        onOutput: { stream, bytes in
          continuation.yield(stream == .stdout ? .stdout(bytes) : .stderr(bytes))
        })
      let (status, message) = Self.classify(outcome, limits: limits)
      return ExecutionResult(
        id: id, status: status, exitCode: outcome.exitCode, signal: outcome.signal,
        stdout: outcome.stdout, stderr: outcome.stderr, stdoutTruncated: outcome.stdoutTruncated,
        stderrTruncated: outcome.stderrTruncated, wallMilliseconds: outcome.wallMilliseconds,
        cpuMilliseconds: outcome.cpuMilliseconds, maxRSSKilobytes: outcome.maxRSSKilobytes,
        backend: "local", isolation: isolation, limits: limits, message: message)
    }

    static func classify(_ outcome: Supervisor.Outcome, limits: ExecutionLimits) -> (ExecutionStatus, String?)
    {
      switch outcome.ending {
      case .timedOut: return (.timeout, "wall-clock limit of \(limits.wallMilliseconds) ms reached")
      case .cancelled: return (.cancelled, "cancelled")
      case .outputLimit:
        return (.outputLimit, "output limit of \(limits.outputKilobytes) KB per stream reached")
      case .exited:
        if let signal = outcome.signal {
          return (.killed, "killed by signal \(signal) (\(String(cString: strsignal(Int32(signal)))))")
        }
        return outcome.exitCode == 0 ? (.ok, nil) : (.error, nil)
      }
    }
  }
}

/// Why code could not be run at all (as opposed to running and failing).
public enum ExecutionError: Error, Equatable, CustomStringConvertible {
  case unsupportedLanguage(String)
  case noInterpreter

  public var description: String {
    switch self {
    case .unsupportedLanguage(let language): "unsupported language '\(language)' (only python is supported)"
    case .noInterpreter: "no Python interpreter found (looked for /usr/bin/python3 and python3 on PATH)"
    }
  }
}
