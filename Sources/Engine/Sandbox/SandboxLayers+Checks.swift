import FoundationEssentials
import Glibc
import Processes
import Settings

/// One line of `coderemote doctor`: a layer (or anything else checked), there or not, and why.
public struct SandboxCheck: Codable, Sendable {
  public var name: String
  public var ok: Bool
  public var detail: String

  public init(name: String, ok: Bool, detail: String) {
    self.name = name
    self.ok = ok
    self.detail = detail
  }
}

extension SandboxLayers {
  /// One line per sandbox layer: there or not, and why.
  public static func checks(_ configuration: SandboxConfiguration) -> [SandboxCheck] {
    let root = geteuid() == 0
    let namespaces = SandboxLayers.findNamespaces(configuration.namespaces)
    let installed = SandboxLayers.bubblewrapCandidates.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    let walls = "own mount, PID, network, IPC, UTS and cgroup namespaces; read-only /usr"
    let namespaceDetail: String =
      switch namespaces {
      case .native:
        "built by Code Remote itself (root): \(walls); "
          + (BoxLayout.sharesNetworkNamespace
            ? "boxes share one empty network namespace, kept apart by Landlock scoping"
            : "a network namespace per box (no Landlock scoping here)")
      case .bubblewrap(let path): "through \(path) (user namespace): \(walls)"
      case nil:
        if configuration.namespaces == .off {
          "switched off (sandbox.namespaces = \"off\")"
        } else if configuration.namespaces == .native {
          "sandbox.namespaces = \"native\" needs root with CAP_SYS_ADMIN"
        } else if installed != nil {
          "bubblewrap is installed, but user namespaces are disabled (user.max_user_namespaces)"
        } else {
          "none: not root, and bubblewrap is not installed (apt-get install bubblewrap); the host's files are visible"
        }
      }
    let cgroups = root ? CgroupSupport.detect() : nil
    let cgroupDetail: String =
      if !configuration.useCgroups { "switched off (sandbox.cgroups = false)" } else if let cgroups {
        "\(cgroups.description): memory (no swap) and pids limits per run"
      } else if !root { "needs root to create per-run cgroups" } else {
        "no writable memory and pids controllers"
      }
    let seccomp = SeccompProgram.shared != nil
    return [
      SandboxCheck(name: "namespaces", ok: namespaces != nil, detail: namespaceDetail),
      SandboxCheck(
        name: "rlimits", ok: true,
        detail: "address space, CPU seconds, file size, open files, processes, core 0"),
      uidSandboxCheck(configuration, root: root),
      SandboxCheck(name: "cgroups", ok: configuration.useCgroups && cgroups != nil, detail: cgroupDetail),
      SandboxCheck(
        name: "seccomp", ok: configuration.useSeccomp && seccomp,
        detail: !configuration.useSeccomp
          ? "switched off (sandbox.seccomp = false)"
          : seccomp
            ? "libseccomp filter: no network sockets, ptrace, bpf, io_uring, mount, namespaces"
            : "the filter could not be built"),
      landlockSandboxCheck(configuration, namespaces: namespaces != nil),
      SandboxCheck(
        name: "imports", ok: configuration.importPolicy != .off,
        detail:
          "policy '\(configuration.importPolicy.rawValue)' (python.import_policy: off, standard, strict)"),
    ]
  }

  /// As root, also asks NSS (LDAP, systemd and all) whether an account owns a uid of the range,
  /// which a run would check only against /etc/passwd.
  static func uidSandboxCheck(_ configuration: SandboxConfiguration, root: Bool) -> SandboxCheck {
    let range = configuration.uidRange
    guard root else {
      return SandboxCheck(
        name: "uid", ok: false,
        detail:
          "uid \(getuid()): runs keep this uid (the process limit counts all its processes; orphans may survive without namespaces)"
      )
    }
    if let taken = range.first(where: { getpwuid($0) != nil }) {
      let name = getpwuid(taken).flatMap { $0.pointee.pw_name }.map { String(cString: $0) } ?? "?"
      return SandboxCheck(
        name: "uid", ok: false,
        detail:
          "uid \(taken) of sandbox.uid_range \(range.lowerBound)-\(range.upperBound) is the account '\(name)': choose a range no account uses"
      )
    }
    return SandboxCheck(
      name: "uid", ok: true,
      detail: "root: each run takes its own uid from \(range.lowerBound)-\(range.upperBound)")
  }

  static func landlockSandboxCheck(_ configuration: SandboxConfiguration, namespaces: Bool) -> SandboxCheck {
    let abi = LandlockRules.kernelABI
    let detail: String =
      if !configuration.useLandlock { "switched off (sandbox.landlock = false)" } else if let abi {
        "ABI \(abi)"
          + (namespaces
            ? ": available, not needed inside namespaces" : ": confines files to /usr and the work dir")
      } else { "not offered by this kernel (Linux 5.13+)" }
    return SandboxCheck(name: "landlock", ok: abi != nil && configuration.useLandlock, detail: detail)
  }
}
