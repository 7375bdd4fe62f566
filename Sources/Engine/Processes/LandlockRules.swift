import CSandbox
import Glibc

/// What a program may do with the filesystem when there are no mount namespaces to hide the host:
/// Landlock rules by path, applied by the spawner in the child before exec. Paths not granted here
/// cannot be opened at all (ABI 6+ also confines signals and abstract sockets to the run itself).
public struct LandlockRules: Sendable, Equatable {
  public struct Rule: Sendable, Equatable {
    public var path: String
    public var access: UInt64
  }

  public var abi: Int32
  public var rules: [Rule] = []

  public static let readAndExecute = UInt64(
    CS_LANDLOCK_READ_FILE | CS_LANDLOCK_READ_DIR | CS_LANDLOCK_EXECUTE)
  public static let read = UInt64(CS_LANDLOCK_READ_FILE | CS_LANDLOCK_READ_DIR)
  public static let readWriteFile = UInt64(CS_LANDLOCK_READ_FILE | CS_LANDLOCK_WRITE_FILE)
  public static let everything = UInt64.max

  /// The kernel's Landlock ABI, or nil without Landlock.
  public static let kernelABI: Int32? = {
    let abi = cs_landlock_abi()
    return abi > 0 ? abi : nil
  }()

  public init(abi: Int32) { self.abi = abi }

  public mutating func allow(_ path: String, _ access: UInt64) {
    rules.append(Rule(path: path, access: access))
  }

  /// The rules with an O_PATH descriptor each (the caller closes them); missing paths are skipped.
  func openRules() -> [cs_landlock_rule] {
    rules.compactMap { rule in
      let fd = cs_open_path(rule.path)
      return fd >= 0 ? cs_landlock_rule(fd: fd, access: rule.access) : nil
    }
  }
}
