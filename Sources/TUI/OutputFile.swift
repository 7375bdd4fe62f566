import Glibc
import Processes

/// Writes saved output to a file, never over an existing one unless asked to.
enum OutputFile {
  enum Failure: Error, Equatable {
    case exists
    case failed(String)
  }

  /// Creates `path` with `bytes`; with `replacing`, an existing file is truncated and rewritten.
  static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws(Failure) {
    // O_EXCL makes "does it exist?" and "create it" one step: nothing can appear in between.
    let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
    let descriptor = open(path, flags, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw .exists }
      throw .failed(String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    guard LiveWrite.all(bytes, to: descriptor) else { throw .failed(String(cString: strerror(errno))) }
  }
}
