import Foundation
import Testing

/// `coderemote run --remote` and `analyze --remote` against a real `coderemote serve` on loopback:
/// the real binary on both ends, the same exit codes and JSON as local runs.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RemoteRunTests {
  /// One server for the suite's quick cases, with a token.
  final class Fixture: @unchecked Sendable {
    let server = ServeProcess()
    let token: String
    init() throws {
      token = try server.createToken("remote-cli")
      try server.start(["--workers", "2"])
    }
  }

  static func json(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
  }

  /// `coderemote run --remote URL --token T OPTIONS FILE ARGS` with `code` in FILE (options go
  /// before the file: words after it are the program's).
  func run(
    _ code: String, on fixture: Fixture, token: String? = nil, _ options: [String] = [],
    programArguments: [String] = []
  ) async throws -> Binary.Outcome {
    let file = fixture.server.directory.appendingPathComponent("program-\(UUID().uuidString).py")
    try Data(code.utf8).write(to: file)
    let arguments =
      ["run", "--remote", fixture.server.url, "--token", token ?? fixture.token] + options + [file.path]
      + programArguments
    return try await offPool { try Binary.run(arguments, stdin: Data()) }
  }

  @Test func helloWorldExitCodesAndTimeouts() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let hello = try await run("print('hello, remote')", on: fixture)
    #expect(hello.status == 0, "\(hello.stderr)")
    #expect(hello.text == "hello, remote\n")
    let failing = try await run("import sys\nprint('out')\nsys.exit(3)", on: fixture)
    #expect(failing.status == 3)
    #expect(failing.text == "out\n")
    let spinning = try await run("while True: pass", on: fixture, ["--timeout", "0.5"])
    #expect(spinning.status == 124, "\(spinning.stderr)")
    #expect(spinning.stderr.contains("timeout"))
    let traceback = try await run("raise ValueError('nope')", on: fixture)
    #expect(traceback.status == 1)
    #expect(traceback.stderr.contains("ValueError: nope"))
  }

  /// The server names the program as the client does (`display_name`): a remote traceback shows
  /// the file as the user gave it, as a local one does, not the box's `main.py`.
  @Test func tracebacksNameTheFileAsGiven() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let file = fixture.server.directory.appendingPathComponent("fib.py")
    try Data("def fib(n):\n    return fib(n - 1) + fib(n - 2) if n > 1 else n / 0\n\nprint(fib(3))\n".utf8)
      .write(to: file)
    let command =
      "cd '\(fixture.server.directory.path)' && exec '\(Binary.path)' run --remote \(fixture.server.url) "
      + "--token \(fixture.token) fib.py"
    let outcome = try await offPool { try Binary.run(["-c", command], executable: "/bin/sh") }
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains("  File \"fib.py\", line 4, in <module>\n    print(fib(3))\n"),
      "\(outcome.stderr)")
    #expect(outcome.stderr.contains("  File \"fib.py\", line 2, in fib\n"), "\(outcome.stderr)")
    #expect(!outcome.stderr.contains("main.py"), "\(outcome.stderr)")
    #expect(outcome.stderr.hasSuffix("ZeroDivisionError: division by zero\n"), "\(outcome.stderr)")
  }

  @Test func standardInputPassesThroughAPipe() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let file = fixture.server.directory.appendingPathComponent("echo.py")
    try Data("name = input()\nprint('hello', name)\nprint(input())".utf8).write(to: file)
    let arguments = ["run", "--remote", fixture.server.url, "--token", fixture.token, file.path]
    let outcome = try await offPool { try Binary.run(arguments, stdin: Data("Ada\nLovelace\n".utf8)) }
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.text == "hello Ada\nLovelace\n")
  }

  @Test func refusalsAreClearErrorsWithExitCodeOne() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let badToken = try await run("print(1)", on: fixture, token: "cr_not_a_token")
    #expect(badToken.status == 1)
    #expect(badToken.stderr.contains("refused the token"), "\(badToken.stderr)")
    // The server's own check: at least 10 ms of wall time, named by field.
    let invalid = try await run("print(1)", on: fixture, ["--timeout", "0.005"])
    #expect(invalid.status == 1)
    #expect(invalid.stderr.contains("field limits.wall_ms"), "\(invalid.stderr)")
    let arguments = try await run("print(1)", on: fixture, programArguments: ["an-argument"])
    #expect(arguments.status == 1)
    #expect(arguments.stderr.contains("no program arguments"), "\(arguments.stderr)")
    let notURL = try await offPool {
      try Binary.run(["run", "--remote", "127.0.0.1:1", "-"], stdin: Data("print(1)".utf8))
    }
    #expect(notURL.status == 2)
    #expect(notURL.stderr.contains("http://"))
    let lonelyToken = try await offPool {
      try Binary.run(["run", "--token", "x", "-"], stdin: Data("print(1)".utf8))
    }
    #expect(lonelyToken.status == 2)
  }

  @Test func anUnreachableServerIsSaidWithinTheRetryBudget() async throws {
    // A port nobody listens on: bind one, note it, close it.
    let port = try freePort()
    let outcome = try await offPool {
      try Binary.run(["run", "--remote", "http://127.0.0.1:\(port)", "-"], stdin: Data("print(1)".utf8))
    }
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("cannot reach the server at 127.0.0.1:\(port)"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("tried 6 times"))
  }

  @Test func theTokenAndURLComeFromTheEnvironmentAndConfig() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let config = fixture.server.directory.appendingPathComponent("config")
    try FileManager.default.createDirectory(
      at: config.appendingPathComponent("coderemote"), withIntermediateDirectories: true)
    try Data("[remote]\ntoken = \"cr_wrong\"\n".utf8).write(
      to: config.appendingPathComponent("coderemote/config.toml"))
    let base = ["XDG_CONFIG_HOME": config.path]
    func run(_ environment: [String: String], _ arguments: [String]) async throws -> Binary.Outcome {
      try await offPool {
        try Binary.run(
          (base.merging(environment) { $1 }).map { "\($0)=\($1)" } + [Binary.path, "run"] + arguments + ["-"],
          stdin: Data("print('configured')".utf8), executable: "/usr/bin/env")
      }
    }
    // The file's token is wrong; the environment's wins over it, and a flag over both.
    let fromFile = try await run([:], ["--remote", fixture.server.url])
    #expect(fromFile.status == 1 && fromFile.stderr.contains("refused the token"))
    let fromEnvironment = try await run(
      ["CODEREMOTE_TOKEN": fixture.token, "CODEREMOTE_URL": fixture.server.url], ["--remote", "default"])
    #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
    #expect(fromEnvironment.text == "configured\n")
    let flagWins = try await run(
      ["CODEREMOTE_TOKEN": fixture.token], ["--remote", fixture.server.url, "--token", "cr_bad"])
    #expect(flagWins.status == 1)
    let noServer = try await run([:], ["--remote", "default"])
    #expect(noServer.status == 2 && noServer.stderr.contains("no server configured"))
  }

  /// Ctrl-C (SIGINT) or SIGTERM ends `run --remote` as it ends a local run, by that signal (the
  /// shell's 130 or 143), but first cancels the job on the server, so it does not run on to its
  /// limit; the cancelled result is printed as any result is (a line naming the job, or `--json`).
  @Test(arguments: [(SIGINT, false), (SIGTERM, true)])
  func aSignalCancelsTheJobOnTheServer(signal: Int32, json: Bool) async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let file = fixture.server.directory.appendingPathComponent("sleeper.py")
    try Data("import time\nprint('going', flush=True)\ntime.sleep(60)\n".utf8).write(to: file)
    let program = try RunningProgram(
      ["run", "--remote", fixture.server.url, "--token", fixture.token, "--timeout", "60"]
        + (json ? ["--json"] : []) + [file.path])
    defer { program.stop() }
    // Signalled once the program runs: its output shows it, or (with --json, which shows none
    // until the end) the server's count of running jobs.
    let running = try await offPool {
      if json { return try fixture.server.waitForMetric("coderemote_jobs_running 1", token: fixture.token) }
      return program.waitForOutput("going\n")
    }
    try #require(running, "the program never started")
    program.signal(signal)
    let outcome = try await offPool { program.finish() }
    #expect(outcome.status == 128 + signal, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("coderemote: cancelling the run on 127.0.0.1:\(fixture.server.port)"))
    let id: String
    if json {
      let result = Self.json(outcome.text)
      #expect(result["status"] as? String == "cancelled", "\(outcome.text)")
      id = try #require(result["id"] as? String)
    } else {
      #expect(outcome.text == "going\n")
      // "coderemote: cancelled: cancelled (job ID on HOST:PORT)"
      let line = try #require(
        outcome.stderr.split(separator: "\n").first { $0.hasPrefix("coderemote: cancelled: ") },
        "\(outcome.stderr)")
      let named = try #require(line.range(of: "(job "))
      id = String(line[named.upperBound...].prefix { $0 != " " })
    }
    // The server's own record: cancelled, long before the 60 s the program would have slept.
    let job = try fixture.server.curl([fixture.server.url + "/v1/executions/\(id)"], token: fixture.token)
    #expect(job.status == 200, "\(job.body)")
    let stored = Self.json(job.body)
    #expect(stored["status"] as? String == "cancelled", "\(job.body)")
    #expect((stored["wall_ms"] as? Double ?? .infinity) < 30_000, "\(job.body)")
  }

  /// A second Ctrl-C ends the client at once, without waiting for a server that does not answer
  /// (here one stopped with SIGSTOP just after the program started).
  @Test func aSecondInterruptQuitsWithoutWaiting() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let file = fixture.server.directory.appendingPathComponent("sleeper.py")
    try Data("import time\nprint('going', flush=True)\ntime.sleep(60)\n".utf8).write(to: file)
    let program = try RunningProgram(
      ["run", "--remote", fixture.server.url, "--token", fixture.token, "--timeout", "60", file.path])
    defer { program.stop() }
    try #require(try await offPool { program.waitForOutput("going\n") }, "the program never started")
    kill(fixture.server.pid, SIGSTOP)
    defer { kill(fixture.server.pid, SIGCONT) }
    program.signal(SIGINT)
    let cancelling = try await offPool { program.waitForOutput("cancelling the run", onStderr: true) }
    #expect(cancelling)
    program.signal(SIGINT)
    let outcome = try await offPool { program.finish() }
    #expect(outcome.status == 128 + SIGINT, "\(outcome.stderr)")
    // It did not wait for the result: none was printed.
    #expect(!outcome.stderr.contains("coderemote: cancelled"), "\(outcome.stderr)")
  }

  @Test func jsonIsTheLocalShape() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let code = "import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(4)"
    let remote = try await run(code, on: fixture, ["--json"])
    let file = fixture.server.directory.appendingPathComponent("local.py")
    try Data(code.utf8).write(to: file)
    let local = try await offPool { try Binary.run(["run", "--json", file.path], stdin: Data()) }
    #expect(remote.status == 4 && local.status == 4)
    let remoteObject = Self.json(remote.text)
    let localObject = Self.json(local.text)
    #expect(Set(remoteObject.keys) == Set(localObject.keys), "\(remote.text)\n\(local.text)")
    #expect(remote.text.split(separator: "\n").count == 1)
    #expect(remoteObject["backend"] as? String == "remote")
    #expect(localObject["backend"] as? String == "local")
    let varying: Set<String> = ["id", "wall_ms", "cpu_ms", "max_rss_kb", "isolation", "backend"]
    // Each value compared as sorted JSON (a dictionary's description has no stable order).
    func canonical(_ value: Any?) -> String {
      let data = try? JSONSerialization.data(withJSONObject: ["v": value ?? NSNull()], options: [.sortedKeys])
      return String(decoding: data ?? Data(), as: UTF8.self)
    }
    for key in localObject.keys where !varying.contains(key) {
      #expect(canonical(remoteObject[key]) == canonical(localObject[key]), "\(key) differs")
    }
  }

  @Test func analyzeRemote() async throws {
    let fixture = try Fixture()
    defer { fixture.server.stop() }
    let file = fixture.server.directory.appendingPathComponent("pairs.py")
    try Data("def pairs(xs):\n    for a in xs:\n        for b in xs:\n            pass\n".utf8).write(
      to: file)
    let arguments = [
      "analyze", file.path, "--json", "--no-empirical", "--remote", fixture.server.url, "--token",
      fixture.token,
    ]
    let remote = try await offPool { try Binary.run(arguments) }
    #expect(remote.status == 0, "\(remote.stderr)")
    let local = try await offPool { try Binary.run(["analyze", file.path, "--json", "--no-empirical"]) }
    #expect(Self.json(remote.text)["time"] as? String == "O(n^2)")
    #expect(remote.text == local.text)
    let broken = fixture.server.directory.appendingPathComponent("broken.py")
    try Data("def f(:\n".utf8).write(to: broken)
    let syntax = try await offPool {
      try Binary.run(["analyze", broken.path, "--remote", fixture.server.url, "--token", fixture.token])
    }
    #expect(syntax.status == 1)
    #expect(syntax.stderr.contains("line 1"), "\(syntax.stderr)")
  }
}

/// A loopback port that was free a moment ago.
func freePort() throws -> Int {
  let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(socket) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
    }
  }
  guard bound else { throw POSIXError(.EADDRINUSE) }
  return Int(UInt16(bigEndian: address.sin_port))
}
