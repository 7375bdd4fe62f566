import Foundation
import Testing

@testable import Execution
@testable import Sandbox
@testable import Settings

/// A server's jobs come back to back: the box a run takes is replaced while that run goes on, with
/// another uid, so the next run finds one ready (`make bench` shows what it is worth).
@Suite("Warm box refill", .serialized)
struct WarmRefillTests {
  @Test func aTakenBoxIsReplacedBeforeItsRunEnds() async throws {
    var configuration = SandboxConfiguration()
    configuration.uidRange = TestUids.warmRefill
    let backend = LocalBackend(configuration: configuration, keepWarm: true)
    defer { backend.close() }
    let first = try #require(await RunSignals.offPool { backend.waitForWarmBox() })
    // A program that waits for its stdin: it runs until the test closes it.
    let handle = backend.run(
      ExecutionRequest(
        code: "import sys\nprint('up', flush=True)\nsys.stdin.read()", keepsStdinOpen: true,
        limits: configuration.limits))
    var events = handle.events.makeAsyncIterator()
    while let event = try await events.next() {
      if case .stdout = event { break }
    }
    #expect(backend.warmRunsTaken == 1)
    // While the first run still holds its box (and uid), a new box is ready.
    let second = try #require(await RunSignals.offPool { backend.waitForWarmBox() })
    #expect(second != first)
    handle.closeStdin()
    var status: ExecutionStatus?
    while let event = try await events.next() {
      if case .finished(let result) = event { status = result.status }
    }
    #expect(status == .ok)
  }
}
