import Execution

/// Where the current program is in its life, as the status bar shows it.
public enum RunState: Equatable, Sendable {
  case idle
  case running(startedAt: ContinuousClock.Instant)
  case finished(ExecutionResult)
  case failed(String)
  /// Cancelled before it finished; the sandbox has ended it.
  case cancelled(after: Duration)

  public var isRunning: Bool {
    if case .running = self { return true }
    return false
  }

  /// A short human summary: "✓ ok · exit 0 · 31 ms".
  public func summary(now: ContinuousClock.Instant) -> String {
    switch self {
    case .idle: return "ready"
    case .running(let start):
      let (whole, fraction) = (now - start).components
      let seconds = Double(whole) + Double(fraction) / 1e18
      return "● running \(String(format1: seconds))s · Ctrl-C cancels"
    case .failed(let message): return "✗ could not run: \(message)"
    case .cancelled(let elapsed):
      let (whole, fraction) = elapsed.components
      return "✗ cancelled · \(whole * 1_000 + fraction / 1_000_000_000_000_000) ms"
    case .finished(let result):
      let mark = result.status == .ok ? "✓" : "✗"
      var parts = ["\(mark) \(result.status.rawValue)"]
      if let code = result.exitCode { parts.append("exit \(code)") }
      if let signal = result.signal { parts.append("signal \(signal)") }
      parts.append("\(Int(result.wallMilliseconds.rounded())) ms")
      if result.stdoutTruncated || result.stderrTruncated { parts.append("output truncated") }
      return parts.joined(separator: " · ")
    }
  }
}

extension String {
  /// One decimal place, without Foundation's locale-dependent formatting.
  init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    self = "\(tenths / 10).\(tenths % 10)"
  }
}
