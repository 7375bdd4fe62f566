import Execution
import Processes
import Settings

/// The bubblewrap argument list for one run: no network and its own PID, IPC, UTS and user
/// namespaces; a read-only view of the interpreter's files and nothing else of the host; a fresh
/// tmpfs work dir holding `main.py`; only the environment the run needs. Without root, `main.py`
/// comes in through a descriptor (`--file`), so the host never writes a path the program can see.
struct BubblewrapCommand {
  /// Where the program runs inside the box.
  static let workDirectory = "/sandbox"
  static let mainPath = workDirectory + "/main.py"

  /// Where the work dir comes from.
  enum Contents {
    /// A tmpfs bubblewrap makes, with `main.py` from this descriptor (its number in the child), or
    /// empty for a warm box, whose bootstrap writes `main.py` itself.
    case descriptor(main: Int32?)
    /// A tmpfs the host mounted (capped in size and inodes), bound in.
    case hostDirectory(String)
  }

  var interpreter: String
  var limits: ExecutionLimits
  var environment: [String: String]
  var contents: Contents
  /// The seccomp program's descriptor number in the child.
  var seccompFD: Int32?
  /// Host paths bound read-only beside `main.py` (`--with`), resolved by `SharedPath`.
  var shared: [(source: String, name: String)] = []
  /// The request's files (descriptor numbers in the child) and the directories they need, made
  /// in the work dir tmpfs bubblewrap makes (without root; as root they are in the host directory).
  var files: [(descriptor: Int32, name: String)] = []
  var directories: [String] = []

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
    let tmpfsBytes = String(limits.scratchMegabytes * 1_048_576)
    args += ["--proc", "/proc", "--dev", "/dev", "--size", tmpfsBytes, "--tmpfs", "/tmp"]
    switch contents {
    case .descriptor(let main):
      args += ["--size", tmpfsBytes, "--perms", "0700", "--tmpfs", Self.workDirectory]
      if let main { args += ["--perms", "0644", "--file", String(main), Self.mainPath] }
      for directory in directories {
        args += ["--perms", "0755", "--dir", Self.workDirectory + "/" + directory]
      }
      for file in files {
        args += ["--perms", "0644", "--file", String(file.descriptor), Self.workDirectory + "/" + file.name]
      }
    case .hostDirectory(let work):
      args += ["--bind", work, Self.workDirectory]
    }
    for file in shared { args += ["--ro-bind", file.source, Self.workDirectory + "/" + file.name] }
    if let seccompFD { args += ["--seccomp", String(seccompFD)] }
    args += ["--chdir", Self.workDirectory, "--", interpreter]
    return args
  }

  /// The interpreter's files, read-only (see `InterpreterView`).
  static func interpreterView(for interpreter: String) -> [String] {
    InterpreterView(interpreter: interpreter).entries.flatMap { entry in
      switch entry {
      case .readOnly(let path): ["--ro-bind-try", path, path]
      case .link(let path, let target): ["--symlink", target, path]
      }
    }
  }
}
