import FoundationEssentials
import Glibc

/// The isolation layers this machine offers, detected once at start.
///
/// The `isolation` vocabulary (results, status bar, `coderemote doctor`): layer names joined by `+`,
/// the outer wall first — `bwrap` (namespaces) or else `rlimits` — then `rlimits`, `landlock` (only
/// without bwrap, which hides the host's files itself), `uid`, `cgroup`, `seccomp` in that order, each
/// only when it is really applied. For example `bwrap+rlimits+uid+cgroup+seccomp`, or
/// `rlimits+landlock+uid+seccomp` without bubblewrap and cgroups.
public struct SandboxLayers: Sendable, Equatable {
  /// Path of a bubblewrap that can create user namespaces here, or nil.
  public var bubblewrap: String?
  /// Whether the process is root and so can give each run a uid of its own.
  public var separateUid: Bool
  public var cgroups: CgroupSupport?
  public var seccomp: Bool
  /// The Landlock ABI used when there is no bubblewrap, or nil.
  public var landlock: Int32?

  public init(
    bubblewrap: String?, separateUid: Bool, cgroups: CgroupSupport?, seccomp: Bool, landlock: Int32? = nil
  ) {
    self.bubblewrap = bubblewrap
    self.separateUid = separateUid
    self.cgroups = cgroups
    self.seccomp = seccomp
    self.landlock = bubblewrap == nil ? landlock : nil
  }

  /// What is both available and switched on. Cheap: no process is started.
  public static func detect(_ configuration: SandboxConfiguration = .default) -> SandboxLayers {
    SandboxLayers(
      bubblewrap: configuration.useBubblewrap ? findBubblewrap() : nil,
      separateUid: geteuid() == 0,
      cgroups: configuration.useCgroups && geteuid() == 0 ? CgroupSupport.detect() : nil,
      seccomp: configuration.useSeccomp && SeccompProgram.shared != nil,
      landlock: configuration.useLandlock ? LandlockRules.kernelABI : nil)
  }

  /// The `isolation` string for a run that got exactly these layers.
  public var isolation: String {
    var names = [bubblewrap != nil ? "bwrap" : "rlimits"]
    if bubblewrap != nil { names.append("rlimits") }
    if landlock != nil { names.append("landlock") }
    if separateUid { names.append("uid") }
    if cgroups != nil { names.append("cgroup") }
    if seccomp { names.append("seccomp") }
    return names.joined(separator: "+")
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

/// The trimmed contents of a small kernel file such as a sysctl, or nil.
func readSmallFile(_ path: String) -> String? {
  guard let bytes = try? FileContents.read(path) else { return nil }
  return trimmed(String(decoding: bytes, as: UTF8.self))
}

/// `text` without the white space (ASCII, which is all kernel files and tools print) around it.
func trimmed(_ text: String) -> String {
  let isSpace = { (c: Character) in c == " " || c == "\n" || c == "\t" || c == "\r" }
  return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
}
