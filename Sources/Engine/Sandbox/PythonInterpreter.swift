import Execution
import FoundationEssentials
import Processes
import Settings

/// Which Python runs user code. The system interpreter by default: a `python3` on PATH is often a
/// shim under someone's home directory, which a sandbox must not depend on.
public struct PythonInterpreter: Sendable, Equatable {
  public var path: String

  public init(path: String) { self.path = path }

  public static let systemPath = "/usr/bin/python3"

  /// The configured path when given, else the system interpreter, else the first `python3` on PATH.
  public static func locate(configured: String? = nil) -> PythonInterpreter? {
    let fm = FileManager.default
    if let configured { return fm.isExecutableFile(atPath: configured) ? .init(path: configured) : nil }
    if fm.isExecutableFile(atPath: systemPath) { return .init(path: systemPath) }
    let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for dir in searchPath.split(separator: ":") where fm.isExecutableFile(atPath: "\(dir)/python3") {
      return .init(path: "\(dir)/python3")
    }
    return nil
  }
}
