import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

@Suite("Import policy")
struct ImportPolicyTests {
  typealias Harness = SandboxHarness

  @Test("strict blocks processes and sockets, naming what and which policy")
  func strict() async throws {
    let layers = Harness.strongest
    let blocked = try await Harness.run("import subprocess\n", layers: layers, policy: .strict)
    #expect(blocked.result.status == .error)
    #expect(
      blocked.stderr.contains("import of 'subprocess' is blocked by the 'strict' import policy"),
      "\(blocked.stderr)")

    let code = """
      import os
      for attempt in (lambda: os.system('true'), lambda: os.fork()):
          try:
              attempt()
          except PermissionError as e:
              print(e)
      """
    let events = try await Harness.run(code, layers: layers, policy: .strict)
    #expect(events.stdout.contains("os.system is blocked by the 'strict' import policy"), "\(events.output)")
    #expect(events.stdout.contains("os.fork is blocked by the 'strict' import policy"))
  }

  @Test("standard blocks only native code; off blocks nothing")
  func standardAndOff() async throws {
    let layers = Harness.strongest
    let standard = try await Harness.run("import ctypes\n", layers: layers, policy: .standard)
    #expect(standard.stderr.contains("import of 'ctypes' is blocked by the 'standard' import policy"))
    let allowed = try await Harness.run(
      "import subprocess, json\nprint('ok')\n", layers: layers, policy: .standard)
    #expect(allowed.result.status == .ok)
    let off = try await Harness.run("import ctypes\nprint('ok')\n", layers: layers, policy: .off)
    #expect(off.result.status == .ok)
  }

  @Test("tracebacks point at the program's own lines", arguments: ImportPolicy.allCases)
  func tracebackLines(policy: ImportPolicy) async throws {
    let layers = Harness.strongest
    let run = try await Harness.run("x = 1\n\ny = x / 0\n", layers: layers, policy: policy)
    #expect(run.result.status == .error)
    #expect(run.stderr.contains("program.py\", line 3"), "\(run.stderr)")
    #expect(!run.stderr.contains("bootstrap"), "\(run.stderr)")
  }
}
