import Execution
import Processes
import Settings

/// What each import policy refuses, as the bootstrap's audit hook enforces it.
extension ImportPolicy {
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
