/// Which Python features user code may reach, enforced by an audit hook installed before the program
/// starts. Defence in depth only: the operating-system layers are the walls.
public enum ImportPolicy: String, Codable, Sendable, CaseIterable {
  /// No hook: the program runs as `python3 -I -u main.py`.
  case off
  /// No native code: `ctypes` and `cffi` cannot be imported, nor libraries loaded.
  case standard
  /// The seed's "import restrictions": no processes, signals to others, sockets or native code.
  case strict

  /// Modules user code may not import directly (a submodule counts as its package).
  var blockedImports: [String] {
    switch self {
    case .off: []
    case .standard: ["ctypes", "_ctypes", "cffi"]
    case .strict:
      ImportPolicy.standard.blockedImports + [
        "subprocess", "_posixsubprocess", "socket", "_socket", "ssl", "_ssl", "multiprocessing",
        "_multiprocessing", "concurrent.futures.process", "pty", "asyncio.subprocess",
      ]
    }
  }

  /// Audit events refused wherever they come from, including from library code.
  var blockedEvents: [String] {
    switch self {
    case .off: []
    case .standard: ["ctypes.dlopen"]
    case .strict:
      ImportPolicy.standard.blockedEvents + [
        "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
        "subprocess.Popen", "socket.__new__", "os.kill", "os.killpg", "signal.pthread_kill",
      ]
    }
  }
}
