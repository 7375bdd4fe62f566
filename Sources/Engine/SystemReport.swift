import CCurl
import Foundation

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

  public static func gather(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> SystemReport
  {
    var checks: [Check] = []
    let python = PythonInterpreter.locate()
    checks.append(
      Check(
        name: "python", ok: python != nil,
        detail: python.map { "\($0.path) (\(version(of: $0.path) ?? "version unknown"))" }
          ?? "not found: install python3 or set its path"))
    let bwrap = ["/usr/bin/bwrap", "/usr/local/bin/bwrap"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    checks.append(
      Check(
        name: "bubblewrap", ok: bwrap != nil, detail: bwrap ?? "not installed (apt-get install bubblewrap)"))
    checks.append(
      Check(name: "cgroups", ok: cgroupVersion() != nil, detail: cgroupVersion() ?? "not mounted"))
    checks.append(
      Check(
        name: "user", ok: true,
        detail: getuid() == 0 ? "root (runs must drop to an unprivileged uid)" : "uid \(getuid())"))
    let lang = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
    let utf8 = lang.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8")
    checks.append(
      Check(
        name: "terminal", ok: utf8,
        detail: "TERM=\(environment["TERM"] ?? "unset"), locale \(lang.isEmpty ? "unset" : lang)"
          + (utf8 ? "" : " (wide characters need a UTF-8 locale, e.g. LANG=C.UTF-8)")
          + (environment["NO_COLOR"].map { $0.isEmpty ? "" : ", NO_COLOR set" } ?? "")))
    checks.append(Check(name: "libcurl", ok: true, detail: curlDescription()))
    return SystemReport(checks: checks, isolation: LocalBackend().isolation)
  }

  public var text: String {
    var lines = ["Code Remote doctor", ""]
    for check in checks {
      lines.append(
        "\(check.ok ? "ok  " : "MISS") \(check.name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(check.detail)"
      )
    }
    lines.append("")
    lines.append("Local runs get isolation: \(isolation)")
    if isolation == "none" {
      lines.append("  (programs run as plain child processes with a wall-clock timeout and output caps only)")
    }
    return lines.joined(separator: "\n")
  }

  public func jsonString() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }

  private static func version(of python: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-I", "-S", "-c", "import sys; print(sys.version.split()[0])"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// "v2", "v1 (memory, pids)", or nil.
  static func cgroupVersion() -> String? {
    let fm = FileManager.default
    if fm.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers") { return "v2" }
    let v1 = ["memory", "pids", "cpuacct"].filter { fm.fileExists(atPath: "/sys/fs/cgroup/\($0)") }
    return v1.isEmpty ? nil : "v1 (\(v1.joined(separator: ", ")))"
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
