import Execution
import Synchronization
import Testing

@testable import TUI

@Suite struct RunStateTests {
  static func summary(_ status: ExecutionStatus, exit: Int? = 0, message: String? = nil) -> String {
    var result = ScriptedBackend.result(status: status, exitCode: exit)
    result.message = message
    return RunState.finished(result).summary(now: .now)
  }

  @Test func aLimitSaysWhichAndHowToRaiseItNeverAnExitCode() {
    let output = Self.summary(.outputLimit, exit: 0)
    #expect(output == "✗ stopped at the output limit (1 MB a stream; [limits] output_kb raises it) · 31 ms")
    #expect(!output.contains("exit"))
    #expect(Self.summary(.timeout, exit: nil).contains("time limit (10 s; [limits] wall_ms raises it)"))
    #expect(
      Self.summary(.timeout, exit: nil, message: "CPU-time limit of 5000 ms reached").contains(
        "CPU-time limit (5 s; [limits] cpu_ms raises it)"))
    #expect(
      Self.summary(.memoryLimit, exit: 1).contains("memory limit (256 MB; [limits] memory_mb raises it)"))
  }

  @Test func ordinaryEndingsKeepTheirExitCode() {
    #expect(Self.summary(.ok) == "✓ ok · exit 0 · 31 ms")
    #expect(Self.summary(.error, exit: 2) == "✗ error · exit 2 · 31 ms")
  }

  @Test func theEditorsOutputCapIsHighAndItsResultsKeepLittle() {
    let backend = ScriptedBackend()
    let app = App(backend: backend, limits: .defaults)
    app.handle(.key(.function(5)))
    let request = backend.control.requests.withLock { $0.first }
    #expect((request?.limits.outputKilobytes ?? 0) >= 64 * 1_024)
    #expect(request?.resultOutputKilobytes == App.resultOutputKilobytes)
    // A configured cap above the editor's is kept.
    var high = ExecutionLimits.defaults
    high.outputKilobytes = 1_048_576
    let second = ScriptedBackend()
    App(backend: second, limits: high).handle(.key(.function(5)))
    #expect(second.control.requests.withLock { $0.first?.limits.outputKilobytes } == 1_048_576)
  }
}
