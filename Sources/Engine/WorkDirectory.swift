import CSandbox
import Foundation
import Glibc

/// The host directory of one run without bubblewrap: `<tmp>/coderemote-run-XXXXXX/` (root's, 0711)
/// holding the bootstrap, and its `work/` (the sandbox uid's, 0700) holding `main.py`, where the
/// program runs. With bubblewrap the work dir is a tmpfs inside the box and none of this exists.
struct WorkDirectory {
  let path: String
  var workPath: String { path + "/work" }

  /// Creates the directories; `owner` is the sandbox uid (and gid) that gets `work/`.
  init(parent: String = NSTemporaryDirectory(), owner: UInt32? = nil) throws {
    var template = Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast())
    template += Array("coderemote-run-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw WorkDirectoryError(path: parent, errno: errno) }
    path = String(cString: made)
    guard chmod(path, 0o711) == 0, mkdir(workPath, 0o700) == 0 else {
      let error = WorkDirectoryError(path: path, errno: errno)
      remove()
      throw error
    }
    if let owner, chown(workPath, owner, owner) != 0 {
      let error = WorkDirectoryError(path: workPath, errno: errno)
      remove()
      throw error
    }
  }

  /// Writes a new file (never through an existing name or symlink).
  func write(_ contents: [UInt8], to file: String, mode: mode_t = 0o644, owner: UInt32? = nil) throws {
    let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else { throw WorkDirectoryError(path: file, errno: errno) }
    defer { close(fd) }
    var remaining = contents[...]
    while !remaining.isEmpty {
      let n = remaining.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw WorkDirectoryError(path: file, errno: errno) }
      remaining = remaining.dropFirst(n)
    }
    if let owner, fchown(fd, owner, owner) != 0 { throw WorkDirectoryError(path: file, errno: errno) }
  }

  /// Removes everything, following no symlink and entering no FIFO the program left; call it only
  /// when no process of the run is left to race with. Returns the first problem met, if any.
  @discardableResult
  func remove() -> WorkDirectoryError? {
    let error = cs_remove_tree(path)
    return error == 0 ? nil : WorkDirectoryError(path: path, errno: error)
  }
}

/// A host-side file operation of a run that failed.
struct WorkDirectoryError: Error, CustomStringConvertible {
  var path: String
  var errno: Int32

  var description: String { "\(path): \(String(cString: strerror(errno)))" }
}
