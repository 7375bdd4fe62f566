import Execution
import FoundationEssentials
import Glibc

/// How local runs are sandboxed and limited: defaults, then `config.toml`, then per-run flags.
public struct SandboxConfiguration: Sendable, Equatable {
  /// Limits every run starts from; `coderemote run --timeout/--memory` override them per run.
  public var limits = ExecutionLimits.defaults
  /// The interpreter; nil means the system one (`/usr/bin/python3`).
  public var pythonPath: String?
  public var importPolicy = ImportPolicy.standard
  /// `[run] with`: absolute paths every run sees beside its program, read-only (none by default).
  public var sharedPaths: [String] = []
  /// Each layer is used when this machine has it and it is not switched off here.
  public var namespaces = NamespaceChoice.auto
  public var useCgroups = true
  public var useSeccomp = true
  /// Landlock confines the filesystem when there are no namespaces.
  public var useLandlock = true
  /// When the parent is root, every concurrent run takes one uid of this range for itself. The
  /// range must belong to no real account: a run's processes are killed by uid afterwards.
  public var uidRange: ClosedRange<UInt32> = 60_000...60_999

  public init() {}

  public static let `default` = SandboxConfiguration()

  /// `sandbox.namespaces`: who builds the namespaces a run gets.
  public enum NamespaceChoice: String, Sendable, CaseIterable {
    /// The spawner itself when Code Remote runs as root, else bubblewrap when it is installed.
    case auto
    /// Only the spawner's own box (root only).
    case native
    /// Only bubblewrap.
    case bubblewrap
    /// None: rlimits, Landlock, uid, cgroups and seccomp only.
    case off
  }
}

/// A configuration file that cannot be used, with where and why.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var key: String?
  public var problem: String

  public var description: String {
    "bad configuration in \(file)" + (key.map { ": \($0)" } ?? "") + ": \(problem)"
  }
}
