import Foundation
import Testing

@testable import Engine

/// The backend in-process, with harmless programs: streaming, stdin, cancel and the reported layers.
@Suite("Local backend")
struct LocalBackendTests {
  let backend = LocalBackend(configuration: .default)

  @Test("output arrives while the program still runs")
  func streaming() async throws {
    let code = "import time\nprint('first')\ntime.sleep(1.5)\nprint('second')\n"
    var firstChunkAt: ContinuousClock.Instant?
    var finishedAt: ContinuousClock.Instant?
    var result: ExecutionResult?
    for try await event in backend.run(ExecutionRequest(code: code)) {
      switch event {
      case .stdout where firstChunkAt == nil: firstChunkAt = .now
      case .finished(let finished):
        finishedAt = .now
        result = finished
      default: break
      }
    }
    #expect(result?.status == .ok)
    #expect(result.map { String(decoding: $0.stdout, as: UTF8.self) } == "first\nsecond\n")
    // The first line came before the program's 1.5 s sleep, not with the end of the run.
    let gap = firstChunkAt.flatMap { first in finishedAt.map { $0 - first } }
    #expect(gap.map { $0 > .seconds(1) } == true, "\(String(describing: gap))")
  }

  @Test("stdin is fed from the request")
  func stdin() async throws {
    let request = ExecutionRequest(
      code: "import sys\nprint(sys.stdin.read().upper(), end='')\n", stdin: Array("hello\n".utf8))
    let result = try await finish(request)
    #expect(result.stdout == Array("HELLO\n".utf8))
  }

  @Test("cancelling the consuming task kills the program")
  func cancel() async throws {
    var configuration = SandboxConfiguration()
    configuration.importPolicy = .off  // the program names itself with ctypes
    let marker = SandboxHarness.marker()
    let code = SandboxHarness.nameItself(marker) + "import time\nprint('up', flush=True)\ntime.sleep(30)\n"
    let stream = LocalBackend(configuration: configuration).run(ExecutionRequest(code: code))
    let consumer = Task {
      for try await _ in stream {}
    }
    #expect(await eventually { !SandboxHarness.processesNamed(marker).isEmpty }, "the program never started")
    consumer.cancel()
    _ = try? await consumer.value
    #expect(
      await eventually { SandboxHarness.processesNamed(marker).isEmpty }, "the program outlived the cancel")
  }

  /// Polls `condition` every 50 ms for up to 5 s.
  private func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<100 {
      if condition() { return true }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return false
  }

  @Test("a run reports the isolation the backend detected")
  func isolation() async throws {
    let result = try await finish(ExecutionRequest(code: "print(1)\n"))
    #expect(result.status == .ok)
    #expect(result.isolation == backend.isolation)
    #expect(result.isolation.hasPrefix("bwrap") == (backend.layers.bubblewrap != nil))
  }

  private func finish(_ request: ExecutionRequest) async throws -> ExecutionResult {
    for try await event in backend.run(request) {
      if case .finished(let result) = event { return result }
    }
    throw SandboxHarness.Failure(description: "no result")
  }
}
