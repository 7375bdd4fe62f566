import CCurl
import FoundationEssentials
import Glibc

/// What this machine gives Code Remote, checked rather than assumed: `coderemote doctor`.
public struct SystemReport: Codable, Sendable {
  public struct Check: Codable, Sendable {
    public var name: String
    public var ok: Bool
    public var detail: String
  }

  public var checks: [Check]
  /// The isolation every local run gets today, as results report it.
  public var isolation: String

  public static func gather(
    environment: [String: String] = ProcessInfo.processInfo.environment, selfTest: Bool = true
  ) -> SystemReport {
    var checks: [Check] = []
    let configPath = SandboxConfiguration.filePath(environment: environment)
    var configuration = SandboxConfiguration.default
    do {
      configuration = try SandboxConfiguration.load(environment: environment)
      let exists = FileManager.default.fileExists(atPath: configPath)
      checks.append(
        Check(name: "config", ok: true, detail: exists ? configPath : "defaults (no \(configPath))"))
    } catch {
      checks.append(Check(name: "config", ok: false, detail: error.description + " (using defaults)"))
    }
    let python = PythonInterpreter.locate(configured: configuration.pythonPath)
    checks.append(
      Check(
        name: "python", ok: python != nil,
        detail: python.map { "\($0.path) (\(version(of: $0.path) ?? "version unknown"))" }
          ?? configuration.pythonPath.map { "python.path \($0) is not an executable" }
          ?? "not found: install python3 or set python.path"))
    checks += layerChecks(configuration)
    let layers = SandboxLayers.detect(configuration)
    if selfTest, let python {
      checks.append(sandboxSelfTest(configuration: configuration, layers: layers, python: python))
    }
    let lang = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
    let utf8 = lang.uppercased().replacing("-", with: "").contains("UTF8")
    checks.append(
      Check(
        name: "terminal", ok: utf8,
        detail: "TERM=\(environment["TERM"] ?? "unset"), locale \(lang.isEmpty ? "unset" : lang)"
          + (utf8 ? "" : " (wide characters need a UTF-8 locale, e.g. LANG=C.UTF-8)")
          + (environment["NO_COLOR"].map { $0.isEmpty ? "" : ", NO_COLOR set" } ?? "")))
    checks.append(Check(name: "libcurl", ok: true, detail: curlDescription()))
    return SystemReport(checks: checks, isolation: layers.isolation)
  }

  /// One line per sandbox layer: there or not, and why.
  static func layerChecks(_ configuration: SandboxConfiguration) -> [Check] {
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
          + (BoxLayout.sharedNetwork != nil
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
      Check(name: "namespaces", ok: namespaces != nil, detail: namespaceDetail),
      Check(
        name: "rlimits", ok: true,
        detail: "address space, CPU seconds, file size, open files, processes, core 0"),
      uidCheck(configuration, root: root),
      Check(name: "cgroups", ok: configuration.useCgroups && cgroups != nil, detail: cgroupDetail),
      Check(
        name: "seccomp", ok: configuration.useSeccomp && seccomp,
        detail: !configuration.useSeccomp
          ? "switched off (sandbox.seccomp = false)"
          : seccomp
            ? "libseccomp filter: no network sockets, ptrace, bpf, io_uring, mount, namespaces"
            : "the filter could not be built"),
      landlockCheck(configuration, namespaces: namespaces != nil),
      Check(
        name: "imports", ok: configuration.importPolicy != .off,
        detail:
          "policy '\(configuration.importPolicy.rawValue)' (python.import_policy: off, standard, strict)"),
    ]
  }

  /// As root, also asks NSS (LDAP, systemd and all) whether an account owns a uid of the range,
  /// which a run would check only against /etc/passwd.
  static func uidCheck(_ configuration: SandboxConfiguration, root: Bool) -> Check {
    let range = configuration.uidRange
    guard root else {
      return Check(
        name: "uid", ok: false,
        detail:
          "uid \(getuid()): runs keep this uid (the process limit counts all its processes; orphans may survive without namespaces)"
      )
    }
    if let taken = range.first(where: { getpwuid($0) != nil }) {
      let name = getpwuid(taken).flatMap { $0.pointee.pw_name }.map { String(cString: $0) } ?? "?"
      return Check(
        name: "uid", ok: false,
        detail:
          "uid \(taken) of sandbox.uid_range \(range.lowerBound)-\(range.upperBound) is the account '\(name)': choose a range no account uses"
      )
    }
    return Check(
      name: "uid", ok: true,
      detail: "root: each run takes its own uid from \(range.lowerBound)-\(range.upperBound)")
  }

  static func landlockCheck(_ configuration: SandboxConfiguration, namespaces: Bool) -> Check {
    let abi = LandlockRules.kernelABI
    let detail: String =
      if !configuration.useLandlock { "switched off (sandbox.landlock = false)" } else if let abi {
        "ABI \(abi)"
          + (namespaces
            ? ": available, not needed inside namespaces" : ": confines files to /usr and the work dir")
      } else { "not offered by this kernel (Linux 5.13+)" }
    return Check(name: "landlock", ok: abi != nil && configuration.useLandlock, detail: detail)
  }

  /// Runs `print(...)` in the sandbox exactly as a user's program would run, so a broken layer shows
  /// here rather than in the first real run.
  static func sandboxSelfTest(
    configuration: SandboxConfiguration, layers: SandboxLayers, python: PythonInterpreter
  ) -> Check {
    var limits = configuration.limits
    limits.wallMilliseconds = min(limits.wallMilliseconds, 5_000)
    let request = ExecutionRequest(code: "print('sandbox ok')", limits: limits)
    let run = SandboxRun(limits: limits, configuration: configuration, layers: layers, interpreter: python)
    do {
      let result = try run.execute(
        request, id: "doctor", supervisor: Supervisor(), onStart: {}, onOutput: { _, _ in })
      let ok = result.status == .ok && result.stdout == Array("sandbox ok\n".utf8)
      let why = String(decoding: result.stderr.prefix(300), as: UTF8.self)
      return Check(
        name: "self-test", ok: ok,
        detail: ok
          ? "a test program ran with \(result.isolation) in \(Int(result.wallMilliseconds)) ms"
          : "a test program failed: \(result.status.rawValue) \(why)")
    } catch {
      return Check(name: "self-test", ok: false, detail: "could not run a test program: \(error)")
    }
  }

  /// Whether a program can be run here at all: the sandbox self-test (which needs an interpreter)
  /// ran and passed.
  public var canRun: Bool { checks.contains { $0.name == "self-test" && $0.ok } }

  public var text: String {
    var lines = ["Code Remote doctor", ""]
    for check in checks {
      lines.append(
        "\(check.ok ? "ok  " : "MISS") \(check.name + String(repeating: " ", count: max(0, 11 - check.name.count))) \(check.detail)"
      )
    }
    lines.append("")
    lines.append("Local runs get isolation: \(isolation)")
    if isolation.hasPrefix("rlimits") {
      lines.append(
        "  (no namespaces: the program sees the host's files its uid may read; see docs/security.md)")
    }
    return lines.joined(separator: "\n")
  }

  public func jsonString() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }

  private static func version(of python: String) -> String? {
    let arguments = ["-I", "-S", "-c", "import sys; print(sys.version.split()[0])"]
    guard let output = HelperProcess.run(python, arguments, timeoutMilliseconds: 5_000), output.exitCode == 0
    else { return nil }
    return trimmed(String(decoding: output.stdout, as: UTF8.self))
  }

  private static func curlDescription() -> String {
    guard let info = curlx_version()?.pointee else { return "unknown" }
    var protocols: [String] = []
    var cursor = info.protocols
    while let entry = cursor?.pointee {
      protocols.append(String(cString: entry))
      cursor = cursor?.advanced(by: 1)
    }
    let websocket =
      protocols.contains("ws") ? "WebSocket available" : "no WebSocket (remote streaming uses SSE)"
    return "\(String(cString: info.version)), \(websocket)"
  }
}
