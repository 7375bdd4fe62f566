import Foundation
import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

/// A warm box (see `WarmBoxPool`) must run a program exactly as a new box would, only sooner.
@Suite("Warm boxes", .serialized)
struct WarmBoxTests {
  /// A uid of its own, outside the default range, so the leftovers checks see only this suite.
  static let uid = TestUids.warmBoxes

  static func configuration(
    wallMilliseconds: Int = 10_000, layers: SandboxHarness.LayerSet = SandboxHarness.strongest
  ) -> SandboxConfiguration {
    var configuration = SandboxConfiguration()
    configuration.namespaces =
      SandboxConfiguration.NamespaceChoice(rawValue: layers.namespacesSetting) ?? .auto
    configuration.uidRange = uid...uid
    configuration.limits.wallMilliseconds = wallMilliseconds
    return configuration
  }

  /// A backend whose warm box is ready.
  static func warmBackend(_ configuration: SandboxConfiguration = configuration()) async throws
    -> LocalBackend
  {
    let backend = LocalBackend(configuration: configuration, keepWarm: true)
    try #require(await RunSignals.offPool { backend.waitForWarmBox() } != nil, "no warm box was made")
    return backend
  }

  static func run(_ backend: LocalBackend, _ code: String, stdin: String = "") throws -> ExecutionResult {
    let limits = backend.configuration.limits
    return try backend.runBlocking(ExecutionRequest(code: code, stdin: Array(stdin.utf8), limits: limits)) {
      _ in
    }
  }

  @Test(
    "output, exit code, stdin and traceback lines are what a new box gives",
    arguments: SandboxHarness.available)
  func sameResults(layers: SandboxHarness.LayerSet) async throws {
    let backend = try await Self.warmBackend(Self.configuration(layers: layers))
    defer { backend.close() }
    let hello = try Self.run(backend, "import sys\nprint(input().upper())\nsys.exit(3)\n", stdin: "hi\n")
    #expect(hello.stdout == Array("HI\n".utf8))
    #expect(hello.exitCode == 3 && hello.status == .error)
    #expect(hello.isolation == backend.isolation)
    #expect(backend.warmRunsTaken == 1, "the run did not take the warm box")
    #expect(
      hello.isolation.hasPrefix(["ns": "ns+", "bwrap": "bwrap+", "rlimits": "rlimits"][layers.rawValue]!))

    // The next box is made in the background after each run.
    #expect(await RunSignals.offPool { backend.waitForWarmBox() } != nil)
    let failing = try backend.runBlocking(
      ExecutionRequest(
        code: "x = 1\n\ny = x / 0\n", displayName: "work/tally.py", limits: backend.configuration.limits)
    ) { _ in }
    #expect(backend.warmRunsTaken == 2, "the second run did not take the warm box")
    let stderr = String(decoding: failing.stderr, as: UTF8.self)
    #expect(stderr.contains("File \"work/tally.py\", line 3, in <module>\n    y = x / 0\n"), "\(stderr)")
    #expect(!stderr.contains("<string>") && !stderr.contains("main.py"), "\(stderr)")
  }

  @Test("the wall clock and the CPU time count from the moment the program arrives")
  func timeCountsFromTheProgram() async throws {
    let backend = try await Self.warmBackend(Self.configuration(wallMilliseconds: 1_000))
    try await Task.sleep(for: .milliseconds(1_500))  // longer than the wall-clock limit
    let result = try Self.run(backend, "import time\ntime.sleep(0.5)\nprint('done')\n")
    backend.close()
    #expect(result.status == .ok, "\(result)")
    #expect(result.wallMilliseconds < 1_000)
    // One uid for the suite: each backend is closed before the next takes it.
    let coldHello = try Self.run(LocalBackend(configuration: Self.configuration()), "print('hello')\n")
    // Ready means the interpreter waits for its program: all it did before was its start-up.
    let warm = try await Self.warmBackend()
    let warmHello = try Self.run(warm, "print('hello')\n")
    warm.close()
    // The interpreter's own start-up, done before the program came, is not the program's CPU time.
    #expect(warmHello.cpuMilliseconds < coldHello.cpuMilliseconds, "warm \(warmHello) cold \(coldHello)")
  }

  @Test("a warm box keeps waiting, and runs the program when it comes")
  func outlivesItsMaker() async throws {
    let backend = try await Self.warmBackend()
    defer { backend.close() }
    let pid = try #require(backend.warmProcess)
    try await Task.sleep(for: .milliseconds(500))
    #expect(kill(pid, 0) == 0)
    let result = try Self.run(backend, "print('waited')\n")
    #expect(result.stdout == Array("waited\n".utf8), "\(result)")
  }

  @Test("a warm box killed while it waits is replaced by a new one for the run")
  func deadBoxFallsBack() async throws {
    let backend = try await Self.warmBackend()
    defer { backend.close() }
    let pid = try #require(backend.warmProcess)
    kill(pid, SIGKILL)
    try #require(
      await RunSignals.offPool { RunSignals.waitForExit(of: pid) },
      "the warm box's interpreter outlived SIGKILL")
    let result = try Self.run(backend, "print('still runs')\n")
    #expect(result.status == .ok)
    #expect(result.stdout == Array("still runs\n".utf8))
  }

  @Test("a warm box that cannot take its program is discarded at once, and the run gets a new box")
  func failedSendDiscardsTheBox() async throws {
    let backend = try await Self.warmBackend()
    defer { backend.close() }
    let pid = try #require(backend.warmProcess)
    // Stopped, the interpreter reads nothing, so a program larger than a pipe holds stays half
    // sent until the interpreter is killed, and the send fails (it was alive when taken).
    kill(pid, SIGSTOP)
    let stopped = await RunSignals.offPool {
      var info = siginfo_t()
      return waitid(P_PID, id_t(pid), &info, WSTOPPED | WNOWAIT) == 0
    }
    try #require(stopped, "the warm box's interpreter did not stop")
    let program =
      "# " + String(repeating: "x", count: 1 << 20)
      + "\nimport sys\nprint('in a new box', flush=True)\nsys.stdin.read()\n"
    let handle = backend.run(
      ExecutionRequest(code: program, keepsStdinOpen: true, limits: backend.configuration.limits))
    let taken = await RunSignals.offPool {
      // The counter moves as the run takes the box, just before the program goes down its pipe.
      for _ in 0..<10_000 where backend.warmRunsTaken == 0 { usleep(1_000) }
      return backend.warmRunsTaken == 1
    }
    try #require(taken, "the run did not take the warm box")
    kill(pid, SIGKILL)
    var goneWhileTheNewBoxRuns: Bool?
    var result: ExecutionResult?
    for try await event in handle.events {
      switch event {
      case .stdout where goneWhileTheNewBoxRuns == nil:
        // Not even a zombie: reaped before the new box was built, not when the run is over.
        goneWhileTheNewBoxRuns = kill(pid, 0) == -1 && errno == ESRCH
        handle.closeStdin()
      case .finished(let finished): result = finished
      default: break
      }
    }
    #expect(goneWhileTheNewBoxRuns == true, "the failed warm box's process \(pid) was still there")
    // The new box got the suite's only uid: the failed one had given it back.
    #expect(result?.status == .ok, "\(String(describing: result))")
    #expect(result?.stdout == Array("in a new box\n".utf8))
  }

  @Test("closing the backend leaves no process, mount, work dir or cgroup of the warm box")
  func closeLeavesNothing() async throws {
    let backend = try await Self.warmBackend()
    let pid = try #require(backend.warmProcess)
    backend.close()
    #expect(kill(pid, 0) != 0)
    #expect(!UidLease.anyProcessRunning(as: Self.uid))
    #expect(!FileManager.default.fileExists(atPath: "/run/coderemote/runs/uid-\(Self.uid)"))
    let mounts = CrashRecoveryTests.mountTable()
    #expect(!mounts.contains("uid-\(Self.uid)"))
    if case .v1(_, let pids, _) = CgroupSupport.detect() {
      #expect(!FileManager.default.fileExists(atPath: "\(pids)/uid-\(Self.uid)"))
    }
  }

  @Test("closing the backend after cancelling a run waits until the run has cleaned up")
  func closeWaitsForCancelledRun() async throws {
    let backend = LocalBackend(configuration: Self.configuration())
    let code = "import time\nprint('up', flush=True)\ntime.sleep(30)\n"
    let stream = backend.run(ExecutionRequest(code: code, limits: backend.configuration.limits)).events
    let (consumer, printed) = await RunSignals.consumeUntilOutput(stream)
    try #require(printed, "the program never started")
    #expect(UidLease.anyProcessRunning(as: Self.uid))
    consumer.cancel()  // as the editor does when it quits mid-run
    backend.close()
    #expect(!UidLease.anyProcessRunning(as: Self.uid))
    #expect(!FileManager.default.fileExists(atPath: "/run/coderemote/runs/uid-\(Self.uid)"))
    let mounts = CrashRecoveryTests.mountTable()
    #expect(!mounts.contains("uid-\(Self.uid)"))
  }

  @Test("a box that cannot be made for a moment is made as soon as it can")
  func retriesAfterAFailure() async throws {
    var held = UidLease.tryAcquire(Self.uid)  // the only uid: busy
    try #require(held != nil, "the suite's uid should be free at the start")
    let backend = LocalBackend(configuration: Self.configuration(), keepWarm: true)
    defer { backend.close() }
    try await Task.sleep(for: .milliseconds(400))
    #expect(backend.warmProcess == nil)
    held = nil
    #expect(await RunSignals.offPool { backend.waitForWarmBox() } != nil, "no box after the uid came free")
  }

  /// A warm box runs the program the moment it arrives, before the supervisor first polls: with
  /// two pipes full, all of stdout used to come first, then all of stderr.
  @Test("stdout and stderr keep their order of arrival, as with 2>&1")
  func streamsKeepTheirOrder() async throws {
    let backend = try await Self.warmBackend()
    defer { backend.close() }
    let code = """
      import sys
      for i in range(200):
          print("out", i)
          print("err", i, file=sys.stderr)
      """
    // Consecutive chunks of one stream joined: print() writes its pieces one by one.
    var arrived: [(stream: String, text: String)] = []
    let result = try backend.runBlocking(ExecutionRequest(code: code, limits: backend.configuration.limits)) {
      event in
      let piece: (String, [UInt8])
      switch event {
      case .stdout(let bytes): piece = ("o", bytes)
      case .stderr(let bytes): piece = ("e", bytes)
      default: return
      }
      if arrived.last?.stream == piece.0 {
        arrived[arrived.count - 1].text += String(decoding: piece.1, as: UTF8.self)
      } else {
        arrived.append((piece.0, String(decoding: piece.1, as: UTF8.self)))
      }
    }
    #expect(result.status == .ok)
    #expect(backend.warmRunsTaken == 1, "the run did not take the warm box")
    // Lines in the order they arrived, each tagged with its stream.
    let lines = arrived.flatMap { run in run.text.split(separator: "\n").map { "\(run.stream):\($0)" } }
    let expected = (0..<200).flatMap { ["o:out \($0)", "e:err \($0)"] }
    let same = zip(lines, expected).prefix { $0 == $1 }.count
    #expect(
      same == expected.count && lines.count == expected.count,
      "in order up to line \(same): \(lines.prefix(same + 3).suffix(6))")
  }

  @Test("a request may keep less output in its result than it streams")
  func resultKeepsOnlyWhatWasAsked() async throws {
    let backend = try await Self.warmBackend()
    defer { backend.close() }
    var limits = backend.configuration.limits
    limits.outputKilobytes = 4_096
    var streamed = 0
    let result = try backend.runBlocking(
      ExecutionRequest(
        code: String(repeating: "print('x' * 999)\n", count: 2_000), limits: limits, resultOutputKilobytes: 16
      )
    ) { event in
      if case .stdout(let bytes) = event { streamed += bytes.count }
    }
    #expect(result.status == .ok)
    #expect(streamed == 2_000_000)
    #expect(result.stdout.count == 16 * 1_024)
    #expect(!result.stdoutTruncated)
  }
}
