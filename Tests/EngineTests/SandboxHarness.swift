import Foundation
import Synchronization
import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

/// Runs programs through the real `coderemote run --json` binary, the way a user does, with a
/// private configuration file choosing the layers. Runs that could hurt the host if the sandbox
/// failed go inside a PID namespace of their own (`unshare -p -f --mount-proc`).
enum SandboxHarness {
  /// The layer sets the suite runs under: everything this machine has, with the namespaces built
  /// by the spawner itself (root) or by bubblewrap, and the same without namespaces (what a machine
  /// without either gets).
  enum LayerSet: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case ns, bwrap, rlimits
    var testDescription: String { rawValue }

    /// `sandbox.namespaces` for this set.
    var namespacesSetting: String {
      switch self {
      case .ns: "native"
      case .bwrap: "bubblewrap"
      case .rlimits: "off"
      }
    }

    var isAvailable: Bool {
      switch self {
      case .ns: SandboxLayers.canBuildBoxes()
      case .bwrap: SandboxLayers.findBubblewrap() != nil
      case .rlimits: true
      }
    }

    /// Whether the program gets namespaces of its own under this set.
    var hasNamespaces: Bool { self != .rlimits }
  }

  /// Every layer set this machine can run.
  static var available: [LayerSet] { LayerSet.allCases.filter(\.isAvailable) }
  /// The strongest layer set this machine can run.
  static var strongest: LayerSet { available[0] }

  struct Outcome {
    var result: ExecutionResult
    var exitCode: Int32
    var seconds: Double
    /// The program's file, as `coderemote run` was given it (its tracebacks name it so).
    var file: String
    var stdout: String { String(decoding: result.stdout, as: UTF8.self) }
    var stderr: String { String(decoding: result.stderr, as: UTF8.self) }
    var output: String { stdout + stderr }
    /// The number a program printed last, e.g. 15 for "forks 15".
    var trailingNumber: Int? {
      stdout.split(whereSeparator: \.isWhitespace).last.flatMap { Int($0) }
    }
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The `coderemote` executable built next to this test bundle.
  static let binary: String = {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("coderemote")
      .path
  }()

  static var isRoot: Bool { geteuid() == 0 }

  /// At most this many sandboxed runs at once, so timing assertions hold on a 2-core machine.
  private static let slots = Semaphore(4)

  /// Runs `code` and decodes the one JSON result `run --json` prints. The waiting happens on a
  /// thread of its own: blocking Swift's cooperative pool would stall every other test.
  static func run(
    _ code: String, layers: LayerSet, arguments: [String] = [], policy: ImportPolicy = .off,
    limits: [String: Int] = [:], switches: [String: Bool] = [:], pidNamespace: Bool = false,
    environment: [String: String] = [:]
  ) async throws -> Outcome {
    let outcome = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(
          returning: Result {
            try runBlocking(
              code, layers: layers, arguments: arguments, policy: policy, limits: limits, switches: switches,
              pidNamespace: pidNamespace, environment: environment)
          })
      }.start()
    }
    return try outcome.get()
  }

  /// A scratch directory holding `program.py` (`code`) and a configuration choosing `layers`.
  private static func scratch(
    for code: String, layers: LayerSet, policy: ImportPolicy = .off, limits: [String: Int] = [:],
    switches: [String: Bool] = [:]
  ) throws -> (directory: TemporaryDirectory, file: String) {
    let scratch = try TemporaryDirectory()
    let configDirectory = scratch.path + "/config/coderemote"
    try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
    var config = "[python]\nimport_policy = \"\(policy.rawValue)\"\n[sandbox]\n"
    config += "namespaces = \"\(layers.namespacesSetting)\"\n"
    for (key, value) in switches.sorted(by: { $0.key < $1.key }) { config += "\(key) = \(value)\n" }
    config += "[limits]\n"
    for (key, value) in limits.sorted(by: { $0.key < $1.key }) { config += "\(key) = \(value)\n" }
    try config.write(toFile: configDirectory + "/config.toml", atomically: true, encoding: .utf8)
    let file = scratch.path + "/program.py"
    try code.write(toFile: file, atomically: true, encoding: .utf8)
    return (scratch, file)
  }

  private static func runBlocking(
    _ code: String, layers: LayerSet, arguments: [String], policy: ImportPolicy,
    limits: [String: Int], switches: [String: Bool], pidNamespace: Bool, environment: [String: String]
  ) throws -> Outcome {
    let (scratch, file) = try Self.scratch(
      for: code, layers: layers, policy: policy, limits: limits, switches: switches)

    let process = Process()
    // Options before the file: words after it are the program's own arguments.
    let command = [binary, "run", "--json"] + arguments + [file]
    if pidNamespace {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
      // A normal user needs a user namespace to make a PID namespace; keeping the same uid inside
      // keeps coderemote's view of itself (not root) unchanged.
      let userNamespace = isRoot ? [] : ["-U", "--map-current-user"]
      process.arguments = userNamespace + ["-p", "-f", "--mount-proc", "--"] + command
    } else {
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = Array(command.dropFirst())
    }
    var childEnvironment = ProcessInfo.processInfo.environment
    childEnvironment["XDG_CONFIG_HOME"] = scratch.path + "/config"
    childEnvironment.merge(environment) { _, new in new }
    process.environment = childEnvironment
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")

    slots.wait()
    defer { slots.signal() }
    let started = ContinuousClock.now
    try process.run()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    guard let result = try? JSONDecoder().decode(ExecutionResult.self, from: data) else {
      throw Failure(
        description:
          "no JSON result (exit \(process.terminationStatus)): \(String(decoding: data.prefix(500), as: UTF8.self))"
      )
    }
    return Outcome(result: result, exitCode: process.terminationStatus, seconds: seconds, file: file)
  }

  /// A program running under `coderemote run` (without `--json`: its output streams as it comes),
  /// for a test that must act while it runs — after a line it prints says it is ready.
  final class LiveRun: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let input = Pipe()
    private let scratch: TemporaryDirectory
    private var pending: [UInt8] = []
    /// Every line read so far, through `nextLine()`.
    private(set) var lines: [String] = []

    fileprivate init(_ code: String, layers: LayerSet, arguments: [String]) throws {
      let made = try SandboxHarness.scratch(for: code, layers: layers)
      scratch = made.directory
      process.executableURL = URL(fileURLWithPath: SandboxHarness.binary)
      process.arguments = ["run"] + arguments + [made.file]
      var environment = ProcessInfo.processInfo.environment
      environment["XDG_CONFIG_HOME"] = scratch.path + "/config"
      process.environment = environment
      process.standardInput = input
      process.standardOutput = output
      process.standardError = FileHandle(forWritingAtPath: "/dev/null")
      try process.run()
    }

    /// The next line the program prints (blocking until it comes), or nil once its output ends.
    func nextLine() -> String? {
      while true {
        if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
          let line = String(decoding: pending[..<newline], as: UTF8.self)
          pending.removeSubrange(...newline)
          lines.append(line)
          return line
        }
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { return nil }
        pending += chunk
      }
    }

    /// Sends the program a line on its standard input (`coderemote run` passes it through).
    func send(line: String) {
      input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Reads the rest of the output and waits for the run to end: every line, and the exit code.
    func finish() -> (lines: [String], exitCode: Int32) {
      try? input.fileHandleForWriting.close()
      while nextLine() != nil {}
      process.waitUntilExit()
      return (lines, process.terminationStatus)
    }

    deinit {
      if process.isRunning { process.terminate() }
    }
  }

  /// Starts `code` under `coderemote run` and returns at once; the caller reads its lines.
  static func start(_ code: String, layers: LayerSet, arguments: [String] = []) throws -> LiveRun {
    try LiveRun(code, layers: layers, arguments: arguments)
  }

  /// Live host processes whose name (comm) is `marker`: programs name themselves so that anything
  /// they leave alive can be found. Zombies are dead: they wait for whichever init adopted them.
  static func processesNamed(_ marker: String) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.filter { entry in
      guard entry.first?.isNumber == true,
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
      else { return false }
      let name = stat[stat.index(after: open)..<close]
      let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
      return name == marker && state != "Z"
    }
  }

  /// Python lines that rename the process (and the children it forks) to `marker`.
  static func nameItself(_ marker: String) -> String {
    "import ctypes\nctypes.CDLL(None).prctl(15, b'\(marker)', 0, 0, 0)\n"
  }

  static func marker() -> String { "crm" + String(UInt32.random(in: 0...UInt32.max), radix: 36) }
}
