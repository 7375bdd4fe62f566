import FoundationEssentials
import Glibc

/// The bubblewrap argument list for one run: no network and its own PID, IPC, UTS and user
/// namespaces; a read-only view of the interpreter's files and nothing else of the host; a fresh
/// tmpfs work dir holding `main.py`; only the environment the run needs. Files come in through
/// descriptors (`--file`, `--ro-bind-data`), so the host never writes a path the program can see.
struct BubblewrapCommand {
  /// Where the program runs inside the box.
  static let workDirectory = "/sandbox"
  static let mainPath = workDirectory + "/main.py"

  /// Where the work dir comes from.
  enum Contents {
    /// A tmpfs bubblewrap makes, with `main.py` from this descriptor (its number in the child).
    case descriptor(main: Int32)
    /// A tmpfs the host mounted (capped in size and inodes), bound in.
    case hostDirectory(String)
  }

  var interpreter: String
  var limits: ExecutionLimits
  var environment: [String: String]
  var contents: Contents
  /// The seccomp program's descriptor number in the child.
  var seccompFD: Int32?

  var arguments: [String] {
    var args = [
      // --as-pid-1: the program is the namespace's init, so when it exits the kernel empties the
      // namespace before bubblewrap reports the exit. (With bubblewrap's own init, bubblewrap
      // reports as soon as the program exits, while its init and any orphans live on a moment.)
      "--unshare-all", "--unshare-user", "--disable-userns", "--as-pid-1", "--die-with-parent",
      "--new-session",
      "--hostname", "sandbox", "--clearenv",
    ]
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) { args += ["--setenv", key, value] }
    args += Self.interpreterView(for: interpreter)
    let tmpfsBytes = String(max(limits.fileSizeMegabytes * 4, 16) * 1_048_576)
    args += ["--proc", "/proc", "--dev", "/dev", "--size", tmpfsBytes, "--tmpfs", "/tmp"]
    switch contents {
    case .descriptor(let main):
      args += ["--size", tmpfsBytes, "--perms", "0700", "--tmpfs", Self.workDirectory]
      args += ["--perms", "0644", "--file", String(main), Self.mainPath]
    case .hostDirectory(let work):
      args += ["--bind", work, Self.workDirectory]
    }
    if let seccompFD { args += ["--seccomp", String(seccompFD)] }
    args += ["--chdir", Self.workDirectory, "--", interpreter]
    return args
  }

  /// `/usr` read-only (the interpreter, its standard library and shared libraries), the top-level
  /// links a merged-/usr system has, the loader cache, and the interpreter's own prefix when it
  /// lives elsewhere. No /etc, /home, /root, /var or project directory.
  static func interpreterView(for interpreter: String) -> [String] {
    var args = ["--ro-bind", "/usr", "/usr"]
    for top in ["bin", "sbin", "lib", "lib32", "lib64"] {
      let path = "/" + top
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFLNK,
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
      {
        args += ["--symlink", target, path]
      } else if (info.st_mode & S_IFMT) == S_IFDIR {
        args += ["--ro-bind", path, path]
      }
    }
    args += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    if let prefix = prefixOutsideUsr(of: interpreter) { args += ["--ro-bind", prefix, prefix] }
    return args
  }

  /// The installation prefix of an interpreter that does not live under /usr, e.g.
  /// /opt/python3.12/bin/python3 → /opt/python3.12; nil for one under /usr.
  static func prefixOutsideUsr(of interpreter: String) -> String? {
    let real = URL(fileURLWithPath: interpreter).resolvingSymlinksInPath().path
    guard !real.hasPrefix("/usr/") else { return nil }
    let prefix = URL(fileURLWithPath: real).deletingLastPathComponent().deletingLastPathComponent().path
    return prefix == "/" ? nil : prefix
  }
}
