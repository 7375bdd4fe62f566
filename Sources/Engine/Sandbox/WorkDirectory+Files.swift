import Execution
import Glibc
import Processes

extension WorkDirectory {
  /// Writes a request's files into the work dir, before the program starts: directories 0755 and
  /// files 0644, owned by the run's uid. Each name was checked (`ExecutionRequest.filesProblem`);
  /// even so every step is relative to a directory already opened, never follows a symbolic link
  /// and never opens a name that exists (`O_NOFOLLOW`, `O_EXCL`), like `main.py`.
  func place(_ files: [ExecutionFile], owner: UInt32?) throws {
    guard !files.isEmpty else { return }
    let root = open(workPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard root >= 0 else { throw WorkDirectoryError(path: workPath, errno: errno) }
    defer { close(root) }
    for directory in ExecutionFile.directories(of: files) {
      let (parent, name) = try openParent(of: directory, from: root)
      defer { if parent != root { close(parent) } }
      guard mkdirat(parent, name, 0o755) == 0 else { throw failure(directory) }
      let made = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard made >= 0 else { throw failure(directory) }
      defer { close(made) }
      try own(made, mode: 0o755, owner: owner, directory)
    }
    for file in files {
      let (parent, name) = try openParent(of: file.name, from: root)
      defer { if parent != root { close(parent) } }
      let fd = openat(parent, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw failure(file.name) }
      defer { close(fd) }
      guard LiveWrite.all(file.contents, to: fd) else { throw failure(file.name) }
      try own(fd, mode: 0o644, owner: owner, file.name)
    }
  }

  /// The directory holding `name` (opened one component at a time, no links followed) and the
  /// last component. The caller closes the descriptor unless it is `root`.
  private func openParent(of name: String, from root: Int32) throws -> (Int32, String) {
    let components = name.split(separator: "/").map(String.init)
    var current = root
    for component in components.dropLast() {
      let next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      let error = errno
      if current != root { close(current) }
      guard next >= 0 else { throw WorkDirectoryError(path: workPath + "/" + name, errno: error) }
      current = next
    }
    return (current, components.last ?? "")
  }

  /// The mode exactly (the umask left aside) and the run's uid as owner.
  private func own(_ fd: Int32, mode: mode_t, owner: UInt32?, _ name: String) throws {
    guard fchmod(fd, mode) == 0 else { throw failure(name) }
    if let owner, fchown(fd, owner, owner) != 0 { throw failure(name) }
  }

  private func failure(_ name: String) -> WorkDirectoryError {
    WorkDirectoryError(path: workPath + "/" + name, errno: errno)
  }
}
