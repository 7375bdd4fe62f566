import Glibc

/// Gives the terminal back on every way out: a normal exit, SIGTERM, SIGHUP, SIGINT, SIGQUIT, and
/// crashes (a Swift trap is SIGILL or SIGTRAP; also SIGSEGV, SIGBUS, SIGFPE, SIGABRT). The handler does
/// only async-signal-safe work: restore the saved termios, write a fixed reset sequence, re-raise.
public enum TerminalGuard {
  /// Leave the alternate screen, show the cursor, reset attributes, and turn off mouse reporting,
  /// bracketed paste and keypad-transmit mode: what endwin() would do on an xterm-like terminal.
  static let resetSequence: [UInt8] = Array(
    "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?2004l\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[?1049l\r\n"
      .utf8)

  static let handledSignals: [Int32] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV,
  ]

  /// Saves the terminal's current modes; call before the UI changes them.
  public static func install() {
    guard isatty(STDIN_FILENO) != 0 else { return }
    savedModes.initialize(to: termios())
    guard tcgetattr(STDIN_FILENO, savedModes) == 0 else { return }
    resetBytes.initialize(from: resetSequence, count: resetSequence.count)
    hasSavedModes = true
    // A parent may have started us with these blocked (thread pools block them); a blocked SIGTERM
    // would never reach the handler.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signal in handledSignals { sigaddset(&unblock, signal) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for signal in handledSignals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = restoreAndReraise
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
  }

  /// Restores the saved modes now (the normal exit path, after the backend has shut down).
  public static func restore() {
    if hasSavedModes { tcsetattr(STDIN_FILENO, TCSAFLUSH, savedModes) }
  }

  nonisolated(unsafe) static var hasSavedModes = false
  nonisolated(unsafe) static let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
  nonisolated(unsafe) static let resetBytes = UnsafeMutablePointer<UInt8>.allocate(
    capacity: resetSequence.count)
}

/// The signal handler: a C function pointer, so it captures nothing and reads only the statics above.
private func restoreAndReraise(_ signal: Int32) {
  if TerminalGuard.hasSavedModes {
    _ = write(STDOUT_FILENO, TerminalGuard.resetBytes, TerminalGuard.resetSequence.count)
    tcsetattr(STDIN_FILENO, TCSAFLUSH, TerminalGuard.savedModes)
  }
  // SA_RESETHAND restored the default action; re-raise so the exit status tells the truth.
  raise(signal)
}
