import Foundation
import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

/// The backend in-process, with harmless programs: streaming, stdin, cancel and the reported layers.
@Suite("Local backend")
struct LocalBackendTests {
  let backend = LocalBackend(configuration: .default)

  @Test("the supervisor hands output over as it arrives, not at the end")
  func streaming() async throws {
    let code = "import time\nprint('first')\ntime.sleep(1.5)\nprint('second')\n"
    let plan = LaunchPlan(
      executable: PythonInterpreter.systemPath, arguments: ["-I", "-u", "-c", code], environment: [:])
    // Timestamps are taken on the supervisor's own thread, when each chunk is read, so a busy test
    // machine delaying this task cannot blur them.
    let (chunks, outcome) = await withCheckedContinuation { continuation in
      Thread {
        var chunks: [(ContinuousClock.Instant, [UInt8])] = []
        let outcome = (try? SpawnedProcess(plan: plan)).map { process in
          Supervisor().supervise(
            process, wallMilliseconds: 10_000, outputCapBytes: 1 << 20, onStart: { _ in },
            onOutput: { _, bytes in chunks.append((.now, bytes)) })
        }
        continuation.resume(returning: (chunks, outcome))
      }.start()
    }
    #expect(outcome?.exitCode == 0)
    #expect(chunks.flatMap(\.1) == Array("first\nsecond\n".utf8))
    if let first = chunks.first?.0, let last = chunks.last?.0 {
      #expect(last - first > .seconds(1), "the first line came only with the last")
    }
  }

  @Test("stdin is fed from the request")
  func stdin() async throws {
    let request = ExecutionRequest(
      code: "import sys\nprint(sys.stdin.read().upper(), end='')\n", stdin: Array("hello\n".utf8))
    let result = try await finish(request)
    #expect(result.stdout == Array("HELLO\n".utf8))
  }

  @Test("cancelling through the handle kills the program, and the run still ends with its result")
  func cancelThroughTheHandle() async throws {
    var configuration = SandboxConfiguration()
    configuration.importPolicy = .off  // the program names itself with ctypes
    let marker = SandboxHarness.marker()
    let code = SandboxHarness.nameItself(marker) + "import time\nprint('up', flush=True)\ntime.sleep(30)\n"
    let run = LocalBackend(configuration: configuration).run(ExecutionRequest(code: code))
    var result: ExecutionResult?
    for try await event in run.events {
      switch event {
      case .stdout: run.cancel()  // 'up': it is running
      case .finished(let finished): result = finished
      default: break
      }
    }
    #expect(result?.status == .cancelled)
    #expect(result?.stdout == Array("up\n".utf8))
    #expect(SandboxHarness.processesNamed(marker).isEmpty, "the program outlived its result")
  }

  @Test("cancelling the consuming task kills the program")
  func cancel() async throws {
    var configuration = SandboxConfiguration()
    configuration.importPolicy = .off  // the program names itself with ctypes
    configuration.limits.wallMilliseconds = 60_000  // a loaded machine may take its time to start it
    let marker = SandboxHarness.marker()
    let code = SandboxHarness.nameItself(marker) + "import time\nprint('up', flush=True)\ntime.sleep(120)\n"
    let backend = LocalBackend(configuration: configuration)
    let events = backend.run(ExecutionRequest(code: code, limits: configuration.limits)).events
    let (consumer, printed) = await RunSignals.consumeUntilOutput(events)
    try #require(printed, "the program never started")
    #expect(!SandboxHarness.processesNamed(marker).isEmpty)
    consumer.cancel()
    await consumer.value
    // close() returns once every run it started has cleaned up: the signal that the kill is done.
    await RunSignals.offPool { backend.close() }
    #expect(SandboxHarness.processesNamed(marker).isEmpty, "the program outlived the cancel")
  }

  @Test("a run reports the isolation the backend detected")
  func isolation() async throws {
    let result = try await finish(ExecutionRequest(code: "print(1)\n"))
    #expect(result.status == .ok)
    #expect(result.isolation == backend.isolation)
    let wall = backend.layers.namespaces.map { $0 == .native ? "ns+" : "bwrap+" } ?? "rlimits"
    #expect(result.isolation.hasPrefix(wall))
  }

  private func finish(_ request: ExecutionRequest) async throws -> ExecutionResult {
    for try await event in backend.run(request).events {
      if case .finished(let result) = event { return result }
    }
    throw SandboxHarness.Failure(description: "no result")
  }
}
