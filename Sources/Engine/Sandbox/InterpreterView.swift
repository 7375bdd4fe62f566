import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// What of the host a boxed program sees, whichever tool builds the box: `/usr` (the interpreter,
/// its standard library and shared libraries), the top-level links or directories a merged-/usr
/// system has, the loader cache, and the interpreter's own prefix when it lives elsewhere — all
/// read-only. No /etc beyond the loader cache, no /home, /root, /var or project directory.
struct InterpreterView: Equatable {
  enum Entry: Equatable {
    /// A host path bound read-only at the same place (skipped when the host has none).
    case readOnly(String)
    /// A symlink made inside the box.
    case link(String, target: String)
  }

  var entries: [Entry]

  init(interpreter: String) {
    entries = [.readOnly("/usr")]
    for top in ["bin", "sbin", "lib", "lib32", "lib64"] {
      let path = "/" + top
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFLNK,
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
      {
        entries.append(.link(path, target: target))
      } else if (info.st_mode & S_IFMT) == S_IFDIR {
        entries.append(.readOnly(path))
      }
    }
    entries.append(.readOnly("/etc/ld.so.cache"))
    if let prefix = Self.prefixOutsideUsr(of: interpreter) { entries.append(.readOnly(prefix)) }
  }

  var readOnlyPaths: [String] {
    entries.compactMap { if case .readOnly(let path) = $0 { path } else { nil } }
  }

  var links: [(path: String, target: String)] {
    entries.compactMap { if case .link(let path, let target) = $0 { (path, target) } else { nil } }
  }

  /// The installation prefix of an interpreter that does not live under /usr, e.g.
  /// /opt/python3.12/bin/python3 → /opt/python3.12; nil for one under /usr.
  static func prefixOutsideUsr(of interpreter: String) -> String? {
    guard let resolved = realpath(interpreter, nil) else { return nil }
    defer { free(resolved) }
    let real = String(cString: resolved)
    guard !real.hasPrefix("/usr/") else { return nil }
    let prefix = real.split(separator: "/").dropLast(2).joined(separator: "/")
    return prefix.isEmpty ? nil : "/" + prefix
  }
}
