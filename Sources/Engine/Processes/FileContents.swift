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

  /// Everything left to read on `fd` (a file, a pipe, standard input), read straight into the
  /// result's storage: no zero-filled scratch buffer, and for a file of `sizeHint` bytes one read.
  public static func readAll(_ fd: Int32, sizeHint: Int = 0) throws(Failure) -> [UInt8] {
    var bytes: [UInt8] = []
    var size = max(sizeHint + 1, 4_096)
    while true {
      var failure: Int32 = 0
      let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
        while filled < size {
          let n = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
          if n > 0 {
            filled += n
          } else if n == 0 {
            break
          } else if errno != EINTR {
            failure = errno
            break
          }
        }
      }
      if failure != 0 { throw Failure(errno: failure) }
      bytes += chunk
      // Short of full means the end was reached; a full chunk may have more behind it.
      if chunk.count < size { return bytes }
      size *= 2
    }
  }
}
