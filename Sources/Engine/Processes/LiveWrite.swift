import Glibc

/// Whole writes, retried when interrupted; false when one fails, with errno saying why (for a pipe
/// whose reader has gone that is EPIPE: SIGPIPE is ignored while runs are supervised).
public enum LiveWrite {
  public static func all(_ bytes: [UInt8], to fd: Int32) -> Bool {
    var remaining = bytes[...]
    while !remaining.isEmpty {
      let n = remaining.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      remaining = remaining.dropFirst(n)
    }
    return true
  }
}
