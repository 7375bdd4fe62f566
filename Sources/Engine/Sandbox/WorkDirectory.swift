import CSandbox
import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// The host directory of one run: `<tmp>/coderemote-run-XXXXXX/` (root's, 0711) and its `work/`
/// (the sandbox uid's, 0700) holding `main.py`, where the program runs. With bubblewrap and no root,
/// the work dir is a tmpfs bubblewrap makes inside the box and none of this exists.
///
/// As root, `work/` is a tmpfs of its own, capped in size and inodes (a disk or inode fill ends
/// with ENOSPC) and discarded whole by unmounting it. The directory is then named after the run's
/// uid (`/run/coderemote/runs/uid-60123`): only the holder of that uid's lease uses the name, so what a
/// crashed run left there is cleared by the next run with the same uid.
struct WorkDirectory {
  let path: String
  var workPath: String { path + "/work" }
  private(set) var mounted = false

  /// Files a run may create in its work dir when it gets a tmpfs of its own.
  static let inodeLimit = 4_096

  /// Where run directories go: as root `/run/coderemote/runs` (root's, 0711, so a sandbox uid can pass
  /// through to its own work dir whatever TMPDIR says, but list nothing), else the temporary directory.
  static var defaultParent: String {
    guard geteuid() == 0, makeOwnDirectory("/run/coderemote", mode: 0o711),
      makeOwnDirectory(rootRunsDirectory, mode: 0o711)
    else { return temporaryDirectory }
    return rootRunsDirectory
  }

  static let rootRunsDirectory = "/run/coderemote/runs"

  /// TMPDIR when it names a directory, else /tmp.
  static var temporaryDirectory: String {
    guard let tmp = getenv("TMPDIR").map({ String(cString: $0) }), tmp.hasPrefix("/") else { return "/tmp" }
    return tmp
  }

  /// Creates the directories; `owner` is the sandbox uid (and gid) that gets `work/`.
  init(
    parent: String = WorkDirectory.defaultParent, owner: UInt32? = nil, limits: ExecutionLimits = .defaults
  )
    throws
  {
    if let owner, parent == Self.rootRunsDirectory {
      path = parent + "/uid-\(owner)"
      Self.clearStale(path)
      guard mkdir(path, 0o711) == 0 else { throw WorkDirectoryError(path: path, errno: errno) }
    } else {
      var template = Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast())
      template += Array("coderemote-run-XXXXXX".utf8CString)
      guard let made = mkdtemp(&template) else { throw WorkDirectoryError(path: parent, errno: errno) }
      path = String(cString: made)
    }
    guard chmod(path, 0o711) == 0, mkdir(workPath, 0o700) == 0 else {
      let error = WorkDirectoryError(path: path, errno: errno)
      remove()
      throw error
    }
    if let owner {
      let bytes = limits.scratchMegabytes * 1_048_576
      let options = "size=\(bytes),nr_inodes=\(Self.inodeLimit),mode=0700,uid=\(owner),gid=\(owner)"
      mounted = mount("tmpfs", workPath, "tmpfs", UInt(MS_NOSUID | MS_NODEV), options) == 0
      if !mounted && chown(workPath, owner, owner) != 0 {
        let error = WorkDirectoryError(path: workPath, errno: errno)
        remove()
        throw error
      }
    }
  }

  /// Unmounts (every layer of) a work tmpfs a crashed run left and removes its directory.
  static func clearStale(_ path: String) {
    while umount2(path + "/work", Int32(MNT_DETACH)) == 0 {}
    _ = cs_remove_tree(path)
  }

  /// Writes a new file (never through an existing name or symlink).
  func write(_ contents: [UInt8], to file: String, mode: mode_t = 0o644, owner: UInt32? = nil) throws {
    let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else { throw WorkDirectoryError(path: file, errno: errno) }
    defer { close(fd) }
    guard LiveWrite.all(contents, to: fd) else { throw WorkDirectoryError(path: file, errno: errno) }
    if let owner, fchown(fd, owner, owner) != 0 { throw WorkDirectoryError(path: file, errno: errno) }
  }

  /// Removes everything, following no symlink and entering no FIFO the program left; call it only
  /// when no process of the run is left to race with. Returns the first problem met, if any.
  @discardableResult
  func remove() -> WorkDirectoryError? {
    if mounted { _ = umount2(workPath, Int32(MNT_DETACH)) }
    let error = cs_remove_tree(path)
    return error == 0 ? nil : WorkDirectoryError(path: path, errno: error)
  }
}

/// Makes `path` a directory of this user with `mode`, or checks that it already is one (never a
/// symlink or someone else's directory planted there).
func makeOwnDirectory(_ path: String, mode: mode_t) -> Bool {
  if mkdir(path, mode) != 0 && errno != EEXIST { return false }
  var info = stat()
  guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else {
    return false
  }
  return (info.st_mode & 0o7777) == mode || chmod(path, mode) == 0
}

/// A host-side file operation of a run that failed.
struct WorkDirectoryError: Error, CustomStringConvertible {
  var path: String
  var errno: Int32

  var description: String { "\(path): \(String(cString: strerror(errno)))" }
}
