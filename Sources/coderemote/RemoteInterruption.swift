import Execution
import Glibc
import Processes

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP while `run --remote` waits on a server. Left to their
/// default action they would end the client and leave the job running on the server to its time
/// limit; instead the first one cancels the job (the run's `cancel()`: `POST
/// /v1/executions/{id}/cancel`, kept until the server has given the job an id), and the run goes on
/// until the server's `cancelled` result comes back, which `run` prints as it prints any result.
/// The process then ends by that same signal, so the shell sees what it sees when a local run is
/// stopped so (130 after Ctrl-C, 143 after SIGTERM). A second signal, or no result within
/// `confirmationMilliseconds` (a server that has gone away), ends it at once.
///
/// The handler only writes the signal's number to a pipe, which is async-signal-safe; a thread of
/// its own reads the pipe and does the rest.
final class RemoteInterruption: Sendable {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// How long the server has to answer the cancel with the run's result before the client goes
  /// without it: the server stops a program with TERM, then KILL, well within this.
  static let confirmationMilliseconds: Int32 = 10_000

  private struct State {
    var signal: Int32?
    var control: (any ExecutionControl)?
    /// The run has ended: its result (or error) is being printed.
    var finished = false
  }

  private let state = Monitor(State())
  private let server: String

  /// Takes over the signals (for the rest of the process) and starts the thread that hears them.
  init(server: String) {
    self.server = server
    var fds: [Int32] = [-1, -1]
    // Without a pipe the signals keep their default action: the client ends as it used to.
    guard pipe(&fds) == 0 else { return }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    signalPipe = fds[1]
    for signal in Self.signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = noteSignal
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESTART)
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
    let readEnd = fds[0]
    DetachedThread.start { [self] in listen(on: readEnd) }
  }

  /// The run's controls, once the backend has made them: a signal that came before cancels now.
  func attach(_ control: any ExecutionControl) {
    let early = state.update { state -> Bool in
      state.control = control
      return state.signal != nil
    }
    if early { control.cancel() }
  }

  /// The run has ended and what it gave is about to be printed: the listener no longer waits for it.
  func finish() { state.update { $0.finished = true } }

  /// Ends the process by the signal that interrupted the run, if one did; returns otherwise.
  func exitIfInterrupted() {
    guard let signal = state.update({ $0.signal }) else { return }
    Self.end(by: signal)
  }

  /// Ends the process as `signal`'s default action does, so its parent learns why it ended.
  static func end(by signal: Int32) -> Never {
    Glibc.signal(signal, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    kill(getpid(), signal)
    // Only if something kept the signal from ending us: the status a shell would report for it.
    Glibc.exit(128 + signal)
  }

  private func listen(on pipe: Int32) {
    guard let first = Self.readSignal(pipe, timeoutMilliseconds: -1) else { return }
    let (control, finished) = state.update { state -> ((any ExecutionControl)?, Bool) in
      if state.signal == nil { state.signal = first }
      return (state.control, state.finished)
    }
    control?.cancel()
    if !finished {
      Self.say("cancelling the run on \(server) (press Ctrl-C again to quit without waiting)")
    }
    let second = Self.readSignal(pipe, timeoutMilliseconds: Self.confirmationMilliseconds)
    if second == nil {
      // The result came in time: `run` prints it and ends the process itself.
      if state.update({ $0.finished }) { return }
      Self.say(
        "\(server) did not confirm the cancel in \(Self.confirmationMilliseconds / 1_000) s; quitting without it"
      )
    }
    Self.end(by: first)
  }

  /// The next signal's number, or nil when none came within the time (-1: as long as it takes).
  private static func readSignal(_ pipe: Int32, timeoutMilliseconds: Int32) -> Int32? {
    var wait = pollfd(fd: pipe, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&wait, 1, timeoutMilliseconds)
      if ready < 0 && errno == EINTR { continue }
      guard ready == 1 else { return nil }
      var byte: UInt8 = 0
      let got = read(pipe, &byte, 1)
      if got < 0 && errno == EINTR { continue }
      return got == 1 ? Int32(byte) : nil
    }
  }

  private static func say(_ line: String) {
    LiveOutput.writeAll(Array("coderemote: \(line)\n".utf8), to: STDERR_FILENO)
  }
}

/// The write end of the pipe the handler writes to; set before any handler is installed.
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// The signal handler: a C function pointer, so it captures nothing; write(2) is async-signal-safe.
private func noteSignal(_ signal: Int32) {
  let saved = errno
  var byte = UInt8(truncatingIfNeeded: signal)
  _ = write(signalPipe, &byte, 1)
  errno = saved
}
