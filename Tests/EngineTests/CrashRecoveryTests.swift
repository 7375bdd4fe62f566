import Foundation
import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

/// What a run made on the host is named after its uid, so when Code Remote itself dies mid-run the
/// next run with that uid clears it: nothing accumulates.
@Suite("Crash recovery", .enabled(if: SandboxHarness.isRoot))
struct CrashRecoveryTests {
  typealias Harness = SandboxHarness

  @Test(
    "a killed coderemote's mount and cgroup are cleared by the next run", arguments: Harness.available
  )
  func leftoversAreCleared(layers: Harness.LayerSet) async throws {
    // A uid of its own (TestUids), outside the default range, so no other test shares it.
    let uid = Int(TestUids.crashRecovery.lowerBound) + (Harness.LayerSet.allCases.firstIndex(of: layers) ?? 0)
    let scratch = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/coderemote", withIntermediateDirectories: true)
    try "[sandbox]\nnamespaces = \"\(layers.namespacesSetting)\"\nuid_range = [\(uid), \(uid)]\n".write(
      toFile: scratch.path + "/coderemote/config.toml", atomically: true, encoding: .utf8)
    let program = scratch.path + "/sleep.py"
    try "import time\nprint('up', flush=True)\ntime.sleep(30)\n".write(
      toFile: program, atomically: true, encoding: .utf8)

    let victim = Process()
    victim.executableURL = URL(fileURLWithPath: Harness.binary)
    victim.arguments = ["run", program]
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = scratch.path
    victim.environment = environment
    let output = Pipe()
    victim.standardOutput = output
    let errors = Pipe()
    victim.standardError = errors
    try victim.run()
    // "up": the program runs in its box. A read can come back early and empty (an interrupted
    // call), so read until the line is there or the pipe has ended.
    var up = Data()
    for _ in 0..<1_000 where !up.contains(Data("up\n".utf8)) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty && !victim.isRunning { break }
      up += chunk
    }
    guard up == Data("up\n".utf8) else {
      victim.waitUntilExit()
      let why = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      Issue.record("the program did not start: \(why)")
      return
    }
    kill(victim.processIdentifier, SIGKILL)
    victim.waitUntilExit()
    // The program dies with it: the parent-death signal, armed after the uid drop (which clears it).
    var programGone = false
    for _ in 0..<100 where !programGone {
      programGone = !UidLease.anyProcessRunning(as: UInt32(uid))
      if !programGone { try await Task.sleep(for: .milliseconds(20)) }
    }
    #expect(programGone, "the program outlived a killed coderemote")
    #expect(Self.mounted(uid), "the crashed run should have left its work dir mounted")

    let next = try await Harness.run(
      "print('next')\n", layers: layers, switches: [:], environment: ["XDG_CONFIG_HOME": scratch.path])
    #expect(next.stdout == "next\n", "\(next.output)")
    #expect(!Self.mounted(uid))
    #expect(!FileManager.default.fileExists(atPath: "/run/coderemote/runs/uid-\(uid)"))
    if case .v1(_, let pids, _) = CgroupSupport.detect() {
      #expect(!FileManager.default.fileExists(atPath: pids + "/uid-\(uid)"))
    }
  }

  @Test("a long-lived backend sweeps what killed runs left, except what live runs hold")
  func sweepAtStart() async throws {
    guard Harness.isRoot, let cgroups = CgroupSupport.detect() else { return }
    // Two leftovers made the way a killed run leaves them: a mounted work dir and a cgroup.
    let range = TestUids.sweep
    let (stale, held) = (range.lowerBound + 1, range.lowerBound + 2)
    var limits = ExecutionLimits.defaults
    limits.processes = 8
    for uid in [stale, held] {
      let directory = try WorkDirectory(owner: uid, limits: limits)
      #expect(directory.mounted)
      #expect(RunCgroup(support: cgroups, name: "uid-\(uid)", limits: limits) != nil)
    }
    var lease = UidLease.tryAcquire(held)  // a live run holds this one
    try #require(lease != nil)
    StaleRuns.sweep(uidRange: range, cgroups: cgroups)
    #expect(!Self.mounted(Int(stale)))
    #expect(!FileManager.default.fileExists(atPath: "/run/coderemote/runs/uid-\(stale)"))
    #expect(
      RunCgroup.directories(of: cgroups, name: "uid-\(stale)").allSatisfy {
        !FileManager.default.fileExists(atPath: $0)
      })
    #expect(Self.mounted(Int(held)), "a held uid's work dir must be left alone")
    lease = nil  // that run has ended
    StaleRuns.sweep(uidRange: range, cgroups: cgroups)
    #expect(!Self.mounted(Int(held)))
    #expect(
      RunCgroup.directories(of: cgroups, name: "uid-\(held)").allSatisfy {
        !FileManager.default.fileExists(atPath: $0)
      })
  }

  static func mounted(_ uid: Int) -> Bool {
    mountTable().contains("/run/coderemote/runs/uid-\(uid)/work ")
  }

  /// The whole of /proc/mounts. (Foundation reads a /proc file, whose size says 0, only one page
  /// long: past about 30 mounts a line would go missing.)
  static func mountTable() -> String {
    String(decoding: (try? FileContents.read("/proc/self/mounts")) ?? [], as: UTF8.self)
  }
}
