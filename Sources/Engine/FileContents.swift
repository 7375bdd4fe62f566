import Glibc

/// Whole files read with plain system calls, keeping errno: FileManager's `contents(atPath:)` says
/// only "nil", and a user deserves to hear "permission denied" or "is a directory".
public enum FileContents {
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var errno: Int32
    public var isMissing: Bool { errno == ENOENT }
    public var isDirectory: Bool { errno == EISDIR }
    public var description: String { String(cString: strerror(errno)) }
  }

  /// The bytes of the file at `path`.
  public static func read(_ path: String) throws(Failure) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw Failure(errno: errno) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(errno: EISDIR) }
    return try readAll(fd, sizeHint: Int(info.st_size))
  }

  /// Everything left to read on `fd` (a file, a pipe, standard input).
  public static func readAll(_ fd: Int32, sizeHint: Int = 0) throws(Failure) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(max(sizeHint, 0) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        bytes += chunk[0..<n]
      } else if n == 0 {
        return bytes
      } else if errno != EINTR {
        throw Failure(errno: errno)
      }
    }
  }
}
