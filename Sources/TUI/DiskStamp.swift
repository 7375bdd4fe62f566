import Glibc

/// What identifies one state of a file on disk: which file (device and inode, so a file replaced
/// by a rename counts as changed), its size and its modification time to the nanosecond. Two
/// equal stamps mean, as far as the file system can tell, the same content.
struct DiskStamp: Equatable, Sendable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modifiedSeconds: Int
  var modifiedNanoseconds: Int

  /// The stamp of the file `path` names (through symlinks), or nil when there is none.
  init?(of path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    modifiedSeconds = status.st_mtim.tv_sec
    modifiedNanoseconds = status.st_mtim.tv_nsec
  }

  /// Whether `path` is a file this user may not write, or one whose permissions grant nobody
  /// writing (root may write anything, but a file marked 0444 still means "do not change me").
  static func isReadOnly(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    return access(path, W_OK) != 0 || status.st_mode & 0o222 == 0
  }
}
