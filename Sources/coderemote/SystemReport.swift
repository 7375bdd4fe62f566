import CCurl
import Execution
import FoundationEssentials
import Glibc
import Processes
import Sandbox
import Settings

/// What this machine gives Code Remote, checked rather than assumed: `coderemote doctor`. It lives
/// in the executable, the one place that may import every module.
struct SystemReport: Codable, Sendable {
  typealias Check = SandboxCheck

  var checks: [Check]
  /// The isolation every local run gets today, as results report it.
  var isolation: String

  static func gather(
    environment: [String: String] = ProcessInfo.processInfo.environment, selfTest: Bool = true
  ) -> SystemReport {
    var checks: [Check] = []
    let configPath = Paths.configFile(environment: environment)
    var configuration = SandboxConfiguration.default
    do {
      configuration = try Configuration.load(environment: environment).sandbox
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
    checks += SandboxLayers.checks(configuration)
    let layers = SandboxLayers.detect(configuration)
    if selfTest, python != nil { checks.append(sandboxSelfTest(configuration: configuration)) }
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

  /// Runs `print(...)` in the sandbox exactly as a user's program would run, so a broken layer shows
  /// here rather than in the first real run.
  static func sandboxSelfTest(configuration: SandboxConfiguration) -> Check {
    var limits = configuration.limits
    limits.wallMilliseconds = min(limits.wallMilliseconds, 5_000)
    let request = ExecutionRequest(code: "print('sandbox ok')", limits: limits)
    do {
      let result = try LocalBackend(configuration: configuration).runBlocking(request) { _ in }
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
  var canRun: Bool { checks.contains { $0.name == "self-test" && $0.ok } }

  var text: String {
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

  func jsonString() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }

  static func version(of python: String) -> String? {
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
