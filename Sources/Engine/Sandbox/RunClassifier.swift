import Execution
import Glibc
import Processes
import Settings

/// Decides how a run ended — which limit, if any, stopped it — from what the supervisor saw and what
/// the cgroup recorded.
struct RunClassifier {
  var limits: ExecutionLimits
  /// bubblewrap reports a program killed by signal N as exit code 128 + N.
  var throughBubblewrap: Bool
  var oomKilled: Bool

  struct Verdict: Equatable {
    var status: ExecutionStatus
    var exitCode: Int?
    var signal: Int?
    var message: String?
  }

  func classify(_ outcome: Supervisor.Outcome) -> Verdict {
    var exitCode = outcome.exitCode
    var signal = outcome.signal
    if throughBubblewrap, let code = exitCode, (129...(128 + 64)).contains(code) {
      // Ambiguous only for a program that calls exit(129...192) itself; documented in security.md.
      signal = code - 128
      exitCode = nil
    }
    func verdict(_ status: ExecutionStatus, _ message: String?) -> Verdict {
      Verdict(status: status, exitCode: exitCode, signal: signal, message: message)
    }
    switch outcome.ending {
    case .timedOut: return verdict(.timeout, "wall-clock limit of \(limits.wallMilliseconds) ms reached")
    case .cancelled: return verdict(.cancelled, "cancelled")
    case .outputLimit:
      return verdict(.outputLimit, "output limit of \(limits.outputKilobytes) KB per stream reached")
    case .exited: break
    }
    if throughBubblewrap, let failure = Self.bubblewrapFailure(outcome) {
      return verdict(
        .internalError,
        "bubblewrap could not set up the sandbox (\(failure)); `coderemote doctor` shows why, "
          + "and sandbox.namespaces = \"native\" (as root) or \"off\" runs without it")
    }
    if oomKilled {
      return verdict(
        .memoryLimit, "memory limit of \(limits.memoryMegabytes) MB reached (killed by the kernel)")
    }
    if let signal {
      // The kernel kills at the limit by its own clock; what wait4 reports lags it under load (900 ms
      // seen for a 1 s limit). Nothing else here sends SIGKILL to a program that exits by itself,
      // except the program (or its box) itself: a generous bound tells the two apart.
      let cpuLimitReached = outcome.cpuMilliseconds >= Double(limits.cpuMilliseconds) * 0.5
      if signal == SIGXCPU || (signal == SIGKILL && cpuLimitReached) {
        return verdict(.timeout, "CPU-time limit of \(limits.cpuMilliseconds) ms reached")
      }
      return verdict(.killed, "killed by signal \(signal) (\(String(cString: strsignal(Int32(signal)))))")
    }
    if exitCode != 0 && Self.endsWithMemoryError(outcome.stderr) {
      return verdict(.memoryLimit, "memory limit of \(limits.memoryMegabytes) MB reached (MemoryError)")
    }
    return verdict(exitCode == 0 ? .ok : .error, nil)
  }

  /// bubblewrap's own complaint when it fails before the program starts (for example when user
  /// namespaces are refused): exit 1, no output, one `bwrap: ...` line. A program could print the
  /// same and exit 1; it then only misreports itself.
  static func bubblewrapFailure(_ outcome: Supervisor.Outcome) -> String? {
    guard outcome.exitCode == 1, outcome.stdout.isEmpty else { return nil }
    let text = String(decoding: outcome.stderr.prefix(1_024), as: UTF8.self)
    let lines = text.split(separator: "\n")
    guard lines.count == 1, lines[0].hasPrefix("bwrap: ") else { return nil }
    return String(lines[0])
  }

  /// Whether the last line of stderr is Python's `MemoryError` report: what the address-space
  /// rlimit produces when an allocation fails.
  static func endsWithMemoryError(_ stderr: [UInt8]) -> Bool {
    let text = String(decoding: stderr.suffix(4_096), as: UTF8.self)
    let lastLine = text.split(separator: "\n").last ?? ""
    return lastLine.hasPrefix("MemoryError")
  }
}
