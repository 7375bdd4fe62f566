/// The supervisor's decisions, apart from the system calls that carry them out: when a run must
/// end (wall-clock deadline, output cap, cancel), TERM then KILL after a grace period and KILL
/// again while anything is left, and when to stop waiting for a pipe that a descendant which
/// escaped the process group still holds. Driven by events and the time since the run started;
/// `Supervisor`'s poll loop feeds it and executes the actions it returns.
public struct SupervisorState: Sendable {
  public enum Ending: Equatable, Sendable { case exited, timedOut, cancelled, outputLimit }
  public enum Stream: Sendable { case stdout, stderr }

  /// What the loop must do to the program.
  enum Action: Equatable, Sendable {
    /// SIGTERM to its process group: the polite request.
    case terminate
    /// SIGKILL to its process group and everything else in its box.
    case kill
  }

  /// How long a program has between TERM and KILL.
  static let termGrace = Duration.milliseconds(300)
  /// How long after a KILL the box is killed again if the program is somehow still there.
  static let killRetry = Duration.milliseconds(200)
  /// How long past the wall-clock limit pipes are waited for after the program itself exited.
  static let pipeGrace = Duration.milliseconds(1_000)
  /// How often the loop looks again while only a descendant's pipe is left.
  static let lingerCheck = Duration.milliseconds(50)

  let wall: Duration
  let outputCapBytes: Int

  private(set) var ending: Ending = .exited
  private(set) var exited = false
  private(set) var stdoutOpen = true
  private(set) var stderrOpen = true
  private(set) var stdoutTruncated = false
  private(set) var stderrTruncated = false
  private var kept = (stdout: 0, stderr: 0)
  /// When the next KILL is due, once the run is being ended.
  private var killAt: Duration?

  init(wall: Duration, outputCapBytes: Int) {
    self.wall = wall
    self.outputCapBytes = outputCapBytes
  }

  /// The clock moved: the wall-clock deadline and a due KILL.
  mutating func tick(at now: Duration) -> [Action] {
    var actions: [Action] = []
    if now >= wall && !exited { actions += end(.timedOut, at: now) }
    if let due = killAt, now >= due {
      actions.append(.kill)
      // Again only if the program has still not gone a while later, not on every wake-up.
      killAt = now + Self.killRetry
    }
    return actions
  }

  /// The caller asked the run to stop.
  mutating func cancel(at now: Duration) -> [Action] { end(.cancelled, at: now) }

  /// `count` bytes arrived on `stream`: returns how many of them to keep, and what to do. Past the
  /// cap the program is ended and the stream marked truncated; the rest is never read.
  mutating func output(_ stream: Stream, count: Int, at now: Duration) -> (
    keep: Int, actions: [Action]
  ) {
    let already = stream == .stdout ? kept.stdout : kept.stderr
    let keep = min(count, max(0, outputCapBytes - already))
    switch stream {
    case .stdout: kept.stdout += keep
    case .stderr: kept.stderr += keep
    }
    guard keep < count else { return (keep, []) }
    if stream == .stdout { stdoutTruncated = true } else { stderrTruncated = true }
    return (keep, end(.outputLimit, at: now))
  }

  /// A stream reached end of file: every writer of it has gone.
  mutating func closed(_ stream: Stream) {
    if stream == .stdout { stdoutOpen = false } else { stderrOpen = false }
  }

  /// The program exited. Nothing it started may outlive it, in its process group or elsewhere in
  /// its box.
  mutating func programExited() -> [Action] {
    guard !exited else { return [] }
    exited = true
    return [.kill]
  }

  /// Whether supervision is over: the program exited and both pipes are closed, or a descendant
  /// that escaped the process group still holds one well past the wall-clock limit.
  func isFinished(at now: Duration) -> Bool {
    guard exited else { return false }
    return (!stdoutOpen && !stderrOpen) || now >= wall + Self.pipeGrace
  }

  /// The latest time the loop must look again, whatever else happens.
  func nextDeadline(after now: Duration) -> Duration {
    if let killAt { return killAt }
    // The program is gone but something it started still holds a pipe: give it a moment.
    if exited { return now + Self.lingerCheck }
    return wall
  }

  /// The first ending decides; TERM now, KILL after the grace.
  private mutating func end(_ reason: Ending, at now: Duration) -> [Action] {
    guard killAt == nil else { return [] }
    ending = reason
    killAt = now + Self.termGrace
    return [.terminate]
  }
}
