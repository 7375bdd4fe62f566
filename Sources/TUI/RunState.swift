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
      if let limit = Self.limitReached(result) {
        return "✗ \(limit) · \(Int(result.wallMilliseconds.rounded())) ms"
      }
      let mark = result.status == .ok ? "✓" : "✗"
      var parts = ["\(mark) \(result.status.rawValue)"]
      if let code = result.exitCode { parts.append("exit \(code)") }
      if let signal = result.signal { parts.append("signal \(signal)") }
      parts.append("\(Int(result.wallMilliseconds.rounded())) ms")
      return parts.joined(separator: " · ")
    }
  }

  /// For a run a limit ended: which limit, and the config key that raises it. The exit code is
  /// left out: the program did not end by itself, whatever it managed to return while being stopped.
  static func limitReached(_ result: ExecutionResult) -> String? {
    let limits = result.limits
    switch result.status {
    case .outputLimit:
      return "stopped at the output limit (\(size(kilobytes: limits.outputKilobytes)) a stream; "
        + "[limits] output_kb raises it)"
    case .memoryLimit:
      return "stopped at the memory limit (\(limits.memoryMegabytes) MB; [limits] memory_mb raises it)"
    case .timeout where result.message?.contains("CPU") == true:
      return "stopped at the CPU-time limit (\(seconds(limits.cpuMilliseconds)); [limits] cpu_ms raises it)"
    case .timeout:
      return "stopped at the time limit (\(seconds(limits.wallMilliseconds)); [limits] wall_ms raises it)"
    default:
      return nil
    }
  }

  private static func size(kilobytes: Int) -> String {
    kilobytes % 1_024 == 0 ? "\(kilobytes / 1_024) MB" : "\(kilobytes) KB"
  }

  private static func seconds(_ milliseconds: Int) -> String {
    milliseconds % 1_000 == 0 ? "\(milliseconds / 1_000) s" : "\(milliseconds) ms"
  }
}

extension String {
  /// One decimal place, without Foundation's locale-dependent formatting.
  init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    self = "\(tenths / 10).\(tenths % 10)"
  }
}
