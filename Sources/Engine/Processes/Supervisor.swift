import CSandbox
import Glibc
import Synchronization

/// Watches one spawned program: feeds stdin, streams stdout and stderr as they arrive, and ends the
/// program (TERM, then KILL, of its whole process group and box) on timeout, cancel, or an output
/// cap. Output past the cap is never read: the program is killed and its result marked truncated.
public final class Supervisor: Sendable {
  public struct Outcome {
    public enum Ending: Equatable { case exited, timedOut, cancelled, outputLimit }
    public var ending: Ending
    public var exitCode: Int?
    public var signal: Int?
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    public var wallMilliseconds: Double
    public var cpuMilliseconds: Double
    public var maxRSSKilobytes: Int
  }

  public enum Stream: Sendable { case stdout, stderr }

  /// How long a program has between TERM and KILL.
  static let termGraceMilliseconds = 300
  /// How long after a KILL the box is killed again if the program is somehow still there.
  static let killRetryMilliseconds = 200

  private let cancelled = Atomic<Bool>(false)
  private let wakeUp = WakePipe()

  public init() {
    // A program that exits (or closes stdin) while we still feed it would otherwise kill this whole
    // process with SIGPIPE; the write then fails with EPIPE instead. Children get SIG_DFL back.
    signal(SIGPIPE, SIG_IGN)
  }

  /// Asks the run to stop; safe from any thread, any number of times.
  public func cancel() {
    if !cancelled.exchange(true, ordering: .acquiringAndReleasing) { wakeUp.wake() }
  }

  /// Starts `plan` and runs it to the end on the calling thread, calling `onOutput` for every chunk
  /// as it arrives.
  public func supervise(
    _ plan: LaunchPlan, stdin: [UInt8], wallMilliseconds: Int, outputCapBytes: Int,
    onStart: (pid_t) -> Void, onOutput: (Stream, [UInt8]) -> Void, killBox: () -> Void = {}
  ) throws(SpawnError) -> Outcome {
    let process = try SpawnedProcess(plan: plan)
    PhaseTrace.mark("spawned")
    return supervise(
      process, stdin: stdin, wallMilliseconds: wallMilliseconds, outputCapBytes: outputCapBytes,
      onStart: onStart, onOutput: onOutput, killBox: killBox)
  }

  /// Runs a started `process` to the end on the calling thread; its wall-clock time counts from now.
  public func supervise(
    _ process: SpawnedProcess, stdin: [UInt8], wallMilliseconds: Int, outputCapBytes: Int,
    onStart: (pid_t) -> Void, onOutput: (Stream, [UInt8]) -> Void, killBox: () -> Void = {}
  ) -> Outcome {
    let clock = ContinuousClock()
    let started = clock.now
    onStart(process.pid)
    let pidFD = cs_pidfd_open(process.pid)
    defer { if pidFD >= 0 { close(pidFD) } }

    var outcome = Outcome(
      ending: .exited, stdout: [], stderr: [], stdoutTruncated: false, stderrTruncated: false,
      wallMilliseconds: 0, cpuMilliseconds: 0, maxRSSKilobytes: 0)
    var pendingStdin = stdin[...]
    if pendingStdin.isEmpty { process.closeStdin() }
    var stdoutOpen = true
    var stderrOpen = true
    var exited = false
    var killDeadline: ContinuousClock.Instant?
    let deadline = started + .milliseconds(wallMilliseconds)
    var buffer = [UInt8](repeating: 0, count: 65_536)

    func endRun(_ ending: Outcome.Ending) {
      guard killDeadline == nil else { return }
      outcome.ending = ending
      process.signalGroup(SIGTERM)
      killDeadline = clock.now + .milliseconds(Self.termGraceMilliseconds)
    }

    func drain(_ fd: Int32, _ stream: Stream) -> Bool {
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
          var chunk = Array(buffer[0..<n])
          let kept = stream == .stdout ? outcome.stdout.count : outcome.stderr.count
          let room = max(0, outputCapBytes - kept)
          if chunk.count > room {
            chunk = Array(chunk.prefix(room))
            if stream == .stdout { outcome.stdoutTruncated = true } else { outcome.stderrTruncated = true }
            endRun(.outputLimit)
          }
          if !chunk.isEmpty {
            if stream == .stdout { outcome.stdout += chunk } else { outcome.stderr += chunk }
            if outcome.stdout.count + outcome.stderr.count == chunk.count { PhaseTrace.mark("first output") }
            onOutput(stream, chunk)
          }
          if chunk.count < n { return true }
          continue
        }
        if n == 0 { return false }
        return errno == EAGAIN || errno == EINTR
      }
    }

    while stdoutOpen || stderrOpen || !exited {
      if cancelled.load(ordering: .acquiring) { endRun(.cancelled) }
      let now = clock.now
      if now >= deadline && !exited { endRun(.timedOut) }
      if let killAt = killDeadline, now >= killAt {
        process.signalGroup(SIGKILL)
        killBox()
        // Again only if the program has still not gone a while later, not on every wake-up.
        killDeadline = now + .milliseconds(Self.killRetryMilliseconds)
      }

      var fds: [pollfd] = []
      if stdoutOpen { fds.append(pollfd(fd: process.stdoutFD, events: Int16(POLLIN), revents: 0)) }
      if stderrOpen { fds.append(pollfd(fd: process.stderrFD, events: Int16(POLLIN), revents: 0)) }
      if !pendingStdin.isEmpty && process.stdinFD >= 0 {
        fds.append(pollfd(fd: process.stdinFD, events: Int16(POLLOUT), revents: 0))
      }
      if !exited && pidFD >= 0 { fds.append(pollfd(fd: pidFD, events: Int16(POLLIN), revents: 0)) }
      fds.append(pollfd(fd: wakeUp.descriptor, events: Int16(POLLIN), revents: 0))

      var wakeAt = killDeadline ?? deadline
      if exited, killDeadline == nil {
        // The program is gone but something it started still holds a pipe: give it a moment.
        wakeAt = now + .milliseconds(50)
      }
      if pidFD < 0 { wakeAt = min(wakeAt, now + .milliseconds(10)) }
      let timeout = max(0, min(1_000, Int32((wakeAt - now).milliseconds.rounded(.up))))
      _ = poll(&fds, nfds_t(fds.count), timeout)

      for entry in fds where entry.revents != 0 {
        switch entry.fd {
        case process.stdoutFD: stdoutOpen = drain(process.stdoutFD, .stdout)
        case process.stderrFD: stderrOpen = drain(process.stderrFD, .stderr)
        case process.stdinFD:
          let written = pendingStdin.withUnsafeBytes { write(process.stdinFD, $0.baseAddress, $0.count) }
          if written > 0 { pendingStdin = pendingStdin.dropFirst(written) }
          if written < 0 && errno != EAGAIN && errno != EINTR { pendingStdin = [] }
          if pendingStdin.isEmpty { process.closeStdin() }
        case wakeUp.descriptor: wakeUp.drain()
        default: break
        }
      }
      if !exited, let status = tryWait(process.pid) {
        exited = true
        record(status, into: &outcome)
        // Nothing the program started may outlive it, in its process group or elsewhere in its box.
        process.signalGroup(SIGKILL)
        killBox()
        if stdoutOpen { stdoutOpen = drain(process.stdoutFD, .stdout) }
        if stderrOpen { stderrOpen = drain(process.stderrFD, .stderr) }
      }
      if exited && (stdoutOpen || stderrOpen)
        && clock.now >= started + .milliseconds(wallMilliseconds + 1_000)
      {
        break  // a descendant escaped the process group and holds a pipe; stop waiting for it
      }
    }
    outcome.wallMilliseconds = (clock.now - started).milliseconds
    return outcome
  }

  private func tryWait(_ pid: pid_t) -> cs_status? {
    var status = cs_status()
    return cs_try_wait(pid, &status) == 0 ? status : nil
  }

  private func record(_ status: cs_status, into outcome: inout Outcome) {
    if status.exited != 0 {
      outcome.exitCode = Int(status.exit_code)
    } else {
      outcome.signal = Int(status.signal)
    }
    outcome.cpuMilliseconds = status.user_cpu_ms + status.system_cpu_ms
    outcome.maxRSSKilobytes = status.max_rss_kb
  }
}

extension Duration {
  public var milliseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
  }
}
