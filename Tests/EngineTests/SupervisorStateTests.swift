import Testing

@testable import Processes

/// The supervisor's decisions on a fake clock: the time since the run started is whatever the test
/// says it is, so deadlines, the TERM grace and the KILL retry are exact.
@Suite("Supervisor state")
struct SupervisorStateTests {
  static func state(wall: Int = 1_000, cap: Int = 10) -> SupervisorState {
    SupervisorState(wall: .milliseconds(wall), outputCapBytes: cap)
  }

  @Test("a program that exits on its own is killed only to take what it left, and ends with its pipes")
  func exitsOnItsOwn() {
    var state = Self.state()
    #expect(state.tick(at: .milliseconds(10)).isEmpty)
    #expect(state.programExited() == [.kill])
    #expect(state.programExited().isEmpty, "an exit is seen once")
    #expect(!state.isFinished(at: .milliseconds(20)), "its pipes are still open")
    state.closed(.stdout)
    state.closed(.stderr)
    #expect(state.isFinished(at: .milliseconds(20)))
    #expect(state.ending == .exited)
  }

  @Test("at the wall-clock deadline: TERM, KILL after the grace, KILL again while anything is left")
  func wallDeadline() {
    var state = Self.state(wall: 1_000)
    #expect(state.nextDeadline(after: .milliseconds(5)) == .milliseconds(1_000))
    #expect(state.tick(at: .milliseconds(999)).isEmpty)
    #expect(state.tick(at: .milliseconds(1_000)) == [.terminate])
    #expect(state.ending == .timedOut)
    #expect(state.nextDeadline(after: .milliseconds(1_000)) == .milliseconds(1_300))
    #expect(state.tick(at: .milliseconds(1_299)).isEmpty, "TERM is sent once, not on every wake-up")
    #expect(state.tick(at: .milliseconds(1_300)) == [.kill])
    #expect(state.tick(at: .milliseconds(1_450)).isEmpty)
    #expect(state.tick(at: .milliseconds(1_500)) == [.kill])
    #expect(state.nextDeadline(after: .milliseconds(1_500)) == .milliseconds(1_700))
  }

  @Test("the first ending decides: a cancel after the deadline does not change it")
  func firstEndingDecides() {
    var state = Self.state(wall: 100)
    #expect(state.tick(at: .milliseconds(100)) == [.terminate])
    #expect(state.cancel(at: .milliseconds(150)).isEmpty)
    #expect(state.ending == .timedOut)
  }

  @Test("a cancel ends the run at once, with the same grace before KILL")
  func cancel() {
    var state = Self.state()
    #expect(state.cancel(at: .milliseconds(50)) == [.terminate])
    #expect(state.cancel(at: .milliseconds(60)).isEmpty, "cancelling twice is cancelling once")
    #expect(state.ending == .cancelled)
    #expect(state.tick(at: .milliseconds(349)).isEmpty)
    #expect(state.tick(at: .milliseconds(350)) == [.kill])
  }

  @Test("output past the cap is not kept: the stream is truncated and the run ended")
  func outputCap() {
    var state = Self.state(cap: 10)
    #expect(state.output(.stdout, count: 6, at: .zero) == (6, []))
    #expect(state.output(.stderr, count: 10, at: .zero) == (10, []), "each stream has its own cap")
    #expect(!state.stderrTruncated)
    #expect(state.output(.stdout, count: 6, at: .milliseconds(5)) == (4, [.terminate]))
    #expect(state.stdoutTruncated && state.ending == .outputLimit)
    #expect(state.output(.stdout, count: 5, at: .milliseconds(6)) == (0, []))
    #expect(state.output(.stderr, count: 1, at: .milliseconds(6)) == (0, []))
    #expect(state.stderrTruncated)
    #expect(state.ending == .outputLimit)
  }

  @Test("a descendant holding a pipe after the program exited is waited for until well past the deadline")
  func descendantHoldsAPipe() {
    var state = Self.state(wall: 1_000)
    #expect(state.programExited() == [.kill])
    state.closed(.stderr)
    #expect(state.nextDeadline(after: .milliseconds(200)) == .milliseconds(250), "it looks again soon")
    #expect(!state.isFinished(at: .milliseconds(1_999)))
    #expect(state.isFinished(at: .milliseconds(2_000)))
    #expect(state.tick(at: .milliseconds(1_500)).isEmpty, "an exited program is not timed out")
    #expect(state.ending == .exited)
  }

  @Test("a program that exits while being ended keeps being killed until its pipes close")
  func exitWhileEnding() {
    var state = Self.state(wall: 100)
    #expect(state.tick(at: .milliseconds(100)) == [.terminate])
    #expect(state.programExited() == [.kill])
    #expect(state.nextDeadline(after: .milliseconds(150)) == .milliseconds(400))
    #expect(state.tick(at: .milliseconds(400)) == [.kill])
    #expect(state.ending == .timedOut)
  }
}
