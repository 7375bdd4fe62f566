import Glibc
import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

@Suite("Run classification")
struct RunClassifierTests {
  let limits = ExecutionLimits(wallMilliseconds: 2_000, cpuMilliseconds: 1_000, memoryMegabytes: 64)

  func outcome(
    _ ending: Supervisor.Outcome.Ending = .exited, exit: Int? = nil, signal: Int? = nil, cpu: Double = 10,
    stderr: String = ""
  ) -> Supervisor.Outcome {
    Supervisor.Outcome(
      ending: ending, exitCode: exit, signal: signal, stdout: [], stderr: Array(stderr.utf8),
      stdoutTruncated: false, stderrTruncated: false, wallMilliseconds: 5, cpuMilliseconds: cpu,
      maxRSSKilobytes: 0)
  }

  func classify(_ outcome: Supervisor.Outcome, bwrap: Bool = false, oom: Bool = false)
    -> RunClassifier.Verdict
  {
    RunClassifier(limits: limits, throughBubblewrap: bwrap, oomKilled: oom).classify(outcome)
  }

  @Test func exitCodes() {
    #expect(classify(outcome(exit: 0)).status == .ok)
    #expect(classify(outcome(exit: 3)).status == .error)
  }

  @Test func supervisorEndings() {
    #expect(classify(outcome(.timedOut, signal: 9)).status == .timeout)
    #expect(classify(outcome(.outputLimit, signal: 15)).status == .outputLimit)
    #expect(classify(outcome(.cancelled, signal: 15)).status == .cancelled)
  }

  @Test func memory() {
    #expect(classify(outcome(signal: 9), oom: true).status == .memoryLimit)
    let memoryError = "Traceback (most recent call last):\n  File \"main.py\", line 2\nMemoryError\n"
    #expect(classify(outcome(exit: 1, stderr: memoryError)).status == .memoryLimit)
    #expect(
      classify(outcome(exit: 1, stderr: "MemoryError is my favourite\nValueError: x\n")).status == .error)
  }

  @Test func cpuLimit() {
    #expect(classify(outcome(signal: Int(SIGKILL), cpu: 1_000)).status == .timeout)
    #expect(classify(outcome(signal: Int(SIGXCPU), cpu: 990)).status == .timeout)
    #expect(classify(outcome(signal: Int(SIGKILL), cpu: 600)).status == .timeout)
    #expect(classify(outcome(signal: Int(SIGKILL), cpu: 100)).status == .killed)
  }

  @Test("bubblewrap failing to set up is an internal error, not the program's")
  func bubblewrapSetupFailure() {
    let failed = outcome(exit: 1, stderr: "bwrap: setting up uid map: Permission denied\n")
    let verdict = classify(failed, bwrap: true)
    #expect(verdict.status == .internalError)
    #expect(verdict.message?.contains("setting up uid map") == true)
    #expect(classify(failed).status == .error)
    #expect(classify(outcome(exit: 1, stderr: "Traceback\nbwrap: x\n"), bwrap: true).status == .error)
  }

  @Test("bubblewrap's 128+N exit codes are read as signals")
  func bubblewrapSignals() {
    let verdict = classify(outcome(exit: 137, cpu: 1_000), bwrap: true)
    #expect(verdict.status == .timeout && verdict.signal == 9 && verdict.exitCode == nil)
    #expect(classify(outcome(exit: 139), bwrap: true).status == .killed)
    #expect(classify(outcome(exit: 137)).status == .error)
  }
}
