import Glibc

/// Where a run's time goes. With `CODEREMOTE_TRACE` set, each phase's end is written to standard
/// error as `trace <milliseconds> <phase>`, counted from the moment the variable names (nanoseconds
/// since the epoch, so a harness can include process start-up) or else from the first mark, which
/// `main` makes first thing. `make bench` prints the medians. Unset, a mark costs one flag load.
public enum PhaseTrace {
  private static let origin: Int64? = {
    guard let value = getenv("CODEREMOTE_TRACE") else { return nil }
    // A plausible epoch time in nanoseconds (after 2001), else any other value such as "1".
    return Int64(String(cString: value)).flatMap { $0 > 1_000_000_000_000_000_000 ? $0 : nil } ?? now()
  }()

  public static func mark(_ phase: StaticString) {
    guard let origin else { return }
    let line = "trace \(Double(now() - origin) / 1e6) \(phase)\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
  }

  private static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}
