import CSandbox
import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// The isolation layers this machine offers, detected once at start.
///
/// The `isolation` vocabulary (results, status bar, `coderemote doctor`): layer names joined by `+`,
/// the outer wall first — `ns` (namespaces the spawner builds itself, as root), `bwrap` (namespaces
/// through bubblewrap) or else `rlimits` — then `rlimits`, `landlock` (only without namespaces,
/// which hide the host's files themselves), `uid`, `cgroup`, `seccomp` in that order, each only when
/// it is really applied. For example `ns+rlimits+uid+cgroup+seccomp`, `bwrap+rlimits+seccomp`, or
/// `rlimits+landlock+uid+seccomp` without namespaces and cgroups.
public struct SandboxLayers: Sendable, Equatable {
  /// Who puts the program in namespaces of its own, if anyone.
  public enum Namespaces: Sendable, Equatable {
    /// The spawner itself: needs root (CAP_SYS_ADMIN), no user namespace, no extra process.
    case native
    /// bubblewrap at this path, run as the unprivileged sandbox uid inside a user namespace.
    case bubblewrap(String)
  }

  public var namespaces: Namespaces?
  /// Whether the process is root and so can give each run a uid of its own.
  public var separateUid: Bool
  public var cgroups: CgroupSupport?
  public var seccomp: Bool
  /// The Landlock ABI used when there are no namespaces, or nil.
  public var landlock: Int32?

  public init(
    namespaces: Namespaces?, separateUid: Bool, cgroups: CgroupSupport?, seccomp: Bool, landlock: Int32? = nil
  ) {
    self.namespaces = namespaces
    self.separateUid = separateUid
    self.cgroups = cgroups
    self.seccomp = seccomp
    self.landlock = namespaces == nil ? landlock : nil
  }

  /// What is both available and switched on. Cheap: no process is started.
  public static func detect(_ configuration: SandboxConfiguration = .default) -> SandboxLayers {
    SandboxLayers(
      namespaces: findNamespaces(configuration.namespaces),
      separateUid: geteuid() == 0,
      cgroups: configuration.useCgroups && geteuid() == 0 ? CgroupSupport.detect() : nil,
      seccomp: configuration.useSeccomp && SeccompProgram.shared != nil,
      landlock: configuration.useLandlock ? LandlockRules.kernelABI : nil)
  }

  /// `auto` takes the native box when it can be had, else bubblewrap.
  static func findNamespaces(_ choice: SandboxConfiguration.NamespaceChoice) -> Namespaces? {
    let native: () -> Namespaces? = { canBuildBoxes() ? .native : nil }
    let bubblewrap: () -> Namespaces? = { findBubblewrap().map(Namespaces.bubblewrap) }
    switch choice {
    case .auto: return native() ?? bubblewrap()
    case .native: return native()
    case .bubblewrap: return bubblewrap()
    case .off: return nil
    }
  }

  /// Root with CAP_SYS_ADMIN (not, say, root in a container that dropped it), and the mount point.
  static func canBuildBoxes() -> Bool { cs_can_build_boxes() != 0 && BoxLayout.prepareMountPoint() }

  /// The `isolation` string for a run that got exactly these layers.
  public var isolation: String {
    var names: [String]
    switch namespaces {
    case .native: names = ["ns", "rlimits"]
    case .bubblewrap: names = ["bwrap", "rlimits"]
    case nil: names = ["rlimits"]
    }
    if landlock != nil { names.append("landlock") }
    if separateUid { names.append("uid") }
    if cgroups != nil { names.append("cgroup") }
    if seccomp { names.append("seccomp") }
    return names.joined(separator: "+")
  }

  /// The path of the bubblewrap runs go through, if they do.
  public var bubblewrap: String? {
    if case .bubblewrap(let path) = namespaces { path } else { nil }
  }

  static let bubblewrapCandidates = ["/usr/bin/bwrap", "/usr/local/bin/bwrap"]

  /// bubblewrap needs user namespaces here: it runs as the unprivileged sandbox uid, never setuid.
  static func findBubblewrap() -> String? {
    guard let path = bubblewrapCandidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else { return nil }
    let maxNamespaces = readSmallFile("/proc/sys/user/max_user_namespaces").flatMap { Int($0) } ?? 1
    let unprivileged = readSmallFile("/proc/sys/kernel/unprivileged_userns_clone").flatMap { Int($0) } ?? 1
    return maxNamespaces > 0 && unprivileged != 0 ? path : nil
  }
}
