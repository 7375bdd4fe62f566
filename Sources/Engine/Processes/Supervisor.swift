import CSandbox
import Glibc
import Synchronization

/// Watches one spawned program: feeds it standard input as it is sent, streams stdout and stderr as
/// they arrive, and ends the program (TERM, then KILL, of its whole process group and box) on
/// timeout, cancel, or an output cap. Output past the cap is never read: the program is killed and
/// its result marked truncated. What to do when is `SupervisorState`'s to decide; this runs the
/// poll loop and the system calls.
///
/// Made before the program starts, so that input and a cancel can arrive from any thread at any
/// time; `supervise` then runs once, on a thread of its own.
public final class Supervisor: Sendable {
  public struct Outcome {
    public typealias Ending = SupervisorState.Ending
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

  public typealias Stream = SupervisorState.Stream

  /// What other threads asked for, picked up by the loop when it wakes.
  private struct Requests {
    var stdin: [UInt8] = []
    var closeStdin = false
    var cancel = false
  }

  private let requests = Mutex(Requests())
  private let wakeUp = WakePipe()

  public init() {
    // A program that exits (or closes stdin) while we still feed it would otherwise kill this whole
    // process with SIGPIPE; the write then fails with EPIPE instead. Children get SIG_DFL back.
    signal(SIGPIPE, SIG_IGN)
  }

  /// Queues bytes for the program's standard input; dropped once it is closed.
  public func send(stdin bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    requests.withLock { $0.stdin += bytes }
    wakeUp.wake()
  }

  /// Closes the program's standard input after what was sent so far.
  public func closeStdin() {
    requests.withLock { $0.closeStdin = true }
    wakeUp.wake()
  }

  /// Asks the run to stop; safe from any thread, any number of times.
  public func cancel() {
    requests.withLock { $0.cancel = true }
    wakeUp.wake()
  }

  /// Runs a started `process` to the end on the calling thread, calling `onOutput` for every chunk
  /// as it arrives; its wall-clock time counts from now.
  public func supervise(
    _ process: SpawnedProcess, wallMilliseconds: Int, outputCapBytes: Int, keptOutputBytes: Int = .max,
    onStart: (pid_t) -> Void, onOutput: (Stream, [UInt8]) -> Void, killBox: () -> Void = {}
  ) -> Outcome {
    let clock = ContinuousClock()
    let started = clock.now
    func elapsed() -> Duration { clock.now - started }
    onStart(process.pid)
    let pidFD = cs_pidfd_open(process.pid)
    defer { if pidFD >= 0 { close(pidFD) } }

    var state = SupervisorState(wall: .milliseconds(wallMilliseconds), outputCapBytes: outputCapBytes)
    var outcome = Outcome(
      ending: .exited, stdout: [], stderr: [], stdoutTruncated: false, stderrTruncated: false,
      wallMilliseconds: 0, cpuMilliseconds: 0, maxRSSKilobytes: 0)
    var stdin = StdinFeed()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var written = (stdout: 0, stderr: 0)

    func closeStdinWhenDue() {
      guard stdin.shouldClose else { return }
      process.closeStdin()
      stdin.markClosed()
    }

    func perform(_ actions: [SupervisorState.Action]) {
      for action in actions {
        switch action {
        case .terminate: process.signalGroup(SIGTERM)
        case .kill:
          process.signalGroup(SIGKILL)
          killBox()
        }
      }
    }

    /// Reads `stream` until it would block, keeping what the cap allows.
    func drain(_ stream: Stream) {
      let fd = stream == .stdout ? process.stdoutFD : process.stderrFD
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return state.closed(stream) }
        if n < 0 { return }
        let (keep, actions) = state.output(stream, count: n, at: elapsed())
        if keep > 0 {
          let chunk = Array(buffer[0..<keep])
          // The outcome keeps the first `keptOutputBytes` of each stream; `onOutput` sees all of it.
          let before = stream == .stdout ? written.stdout : written.stderr
          let kept = chunk.prefix(max(0, keptOutputBytes - before))
          if stream == .stdout {
            outcome.stdout += kept
            written.stdout += keep
          } else {
            outcome.stderr += kept
            written.stderr += keep
          }
          if written.stdout + written.stderr == keep { PhaseTrace.mark("first output") }
          onOutput(stream, chunk)
        }
        perform(actions)
        if keep < n { return }  // past the cap: the rest stays unread
      }
    }

    while !state.isFinished(at: elapsed()) {
      let asked = requests.withLock { requests in
        defer { requests.stdin = [] }
        return requests
      }
      if asked.cancel { perform(state.cancel(at: elapsed())) }
      stdin.take(asked.stdin, closing: asked.closeStdin)
      closeStdinWhenDue()
      perform(state.tick(at: elapsed()))

      var fds: [pollfd] = []
      if state.stdoutOpen { fds.append(pollfd(fd: process.stdoutFD, events: Int16(POLLIN), revents: 0)) }
      if state.stderrOpen { fds.append(pollfd(fd: process.stderrFD, events: Int16(POLLIN), revents: 0)) }
      if stdin.hasPending && process.stdinFD >= 0 {
        fds.append(pollfd(fd: process.stdinFD, events: Int16(POLLOUT), revents: 0))
      }
      if !state.exited && pidFD >= 0 { fds.append(pollfd(fd: pidFD, events: Int16(POLLIN), revents: 0)) }
      fds.append(pollfd(fd: wakeUp.descriptor, events: Int16(POLLIN), revents: 0))

      let now = elapsed()
      var wakeAt = state.nextDeadline(after: now)
      // Without a pidfd, an exit is only seen by looking.
      if pidFD < 0 { wakeAt = min(wakeAt, now + .milliseconds(10)) }
      let timeout = max(0, min(1_000, Int32((wakeAt - now).milliseconds.rounded(.up))))
      _ = poll(&fds, nfds_t(fds.count), timeout)

      for entry in fds where entry.revents != 0 {
        switch entry.fd {
        case process.stdoutFD: drain(.stdout)
        case process.stderrFD: drain(.stderr)
        case process.stdinFD:
          stdin.write(to: process.stdinFD)
          closeStdinWhenDue()
        case wakeUp.descriptor: wakeUp.drain()
        default: break
        }
      }
      if !state.exited, let status = tryWait(process.pid) {
        record(status, into: &outcome)
        perform(state.programExited())
        if state.stdoutOpen { drain(.stdout) }
        if state.stderrOpen { drain(.stderr) }
      }
    }
    process.closeStdin()
    outcome.ending = state.ending
    outcome.stdoutTruncated = state.stdoutTruncated
    outcome.stderrTruncated = state.stderrTruncated
    outcome.wallMilliseconds = elapsed().milliseconds
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

/// The bytes on their way to a program's standard input, and whether it is to be closed after them.
struct StdinFeed {
  private var pending: ArraySlice<UInt8> = []
  private var closing = false
  private var closed = false

  var hasPending: Bool { !pending.isEmpty }
  /// Due once everything asked for has been written (or can no longer be).
  var shouldClose: Bool { closing && pending.isEmpty && !closed }

  mutating func take(_ bytes: [UInt8], closing close: Bool) {
    if !closed { pending.append(contentsOf: bytes) }
    if close { closing = true }
  }

  /// Writes what the pipe takes now. A reader that has gone takes nothing more: the rest is
  /// dropped and stdin closed.
  mutating func write(to fd: Int32) {
    let written = pending.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    if written > 0 { pending = pending.dropFirst(written) }
    if pending.isEmpty { pending = [] }  // lets go of what was written
    if written < 0 && errno != EAGAIN && errno != EINTR {
      pending = []
      closing = true
    }
  }

  /// Marks stdin closed; whatever comes later is dropped.
  mutating func markClosed() { closed = true }
}

extension Duration {
  public var milliseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
  }
}
