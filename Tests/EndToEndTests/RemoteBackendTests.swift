import Execution
import Foundation
import Remote
import Testing

/// The remote backend in process against a real `coderemote serve`: the same events as a local
/// run, live stdin, cancel, quotas, and a server that dies under a stream.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RemoteBackendTests {
  /// Everything a run sent, in order, or the error its stream failed with.
  struct Recording {
    var events: [ExecutionEvent] = []
    var error: ExecutionError?
    var result: ExecutionResult? {
      if case .finished(let result) = events.last { return result }
      return nil
    }
    var stdout: String {
      let bytes = events.flatMap { event -> [UInt8] in
        if case .stdout(let chunk) = event { chunk } else { [] }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Follows `handle` to its end; `onEvent` may steer the run as events come.
  func record(_ handle: ExecutionHandle, onEvent: (ExecutionEvent) -> Void = { _ in }) async -> Recording {
    var recording = Recording()
    do {
      for try await event in handle.events {
        recording.events.append(event)
        onEvent(event)
      }
    } catch {
      recording.error = error as? ExecutionError
    }
    return recording
  }

  func started(_ workers: Int = 2) throws -> (ServeProcess, RemoteBackend) {
    let server = ServeProcess()
    let token = try server.createToken("backend")
    try server.start(["--workers", "\(workers)"])
    return (server, try RemoteBackend(url: server.url, token: token))
  }

  @Test func eventsComeInTheLocalBackendsOrder() async throws {
    let (server, backend) = try started()
    defer { server.stop() }
    let code = """
      import sys, time
      for i in range(3):
          print('out', i, flush=True)
          time.sleep(0.05)
          print('err', i, file=sys.stderr, flush=True)
          time.sleep(0.05)
      """
    let recording = await record(backend.run(ExecutionRequest(code: code)))
    #expect(recording.error == nil)
    guard case .started(let id) = recording.events.first else {
      Issue.record("no .started first: \(recording.events)")
      return
    }
    // Python writes a print to stderr in pieces ("err", " ", "0", "\n"): join a stream's
    // consecutive chunks, as a terminal shows them.
    var output: [String] = []
    var last = ""
    for event in recording.events {
      let (stream, bytes): (String, [UInt8])
      switch event {
      case .stdout(let chunk): (stream, bytes) = ("o:", chunk)
      case .stderr(let chunk): (stream, bytes) = ("e:", chunk)
      default: continue
      }
      if stream == last, !output.isEmpty {
        output[output.count - 1] += String(decoding: bytes, as: UTF8.self)
      } else {
        output.append(stream + String(decoding: bytes, as: UTF8.self))
      }
      last = stream
    }
    #expect(output == ["o:out 0\n", "e:err 0\n", "o:out 1\n", "e:err 1\n", "o:out 2\n", "e:err 2\n"])
    let result = try #require(recording.result)
    #expect(result.id == id && result.status == .ok && result.backend == "remote")
    #expect(result.stdout == Array("out 0\nout 1\nout 2\n".utf8))
    #expect(backend.name == "remote" && backend.isolation == "remote 127.0.0.1:\(server.port)")
  }

  @Test func liveStdinReachesInput() async throws {
    let (server, backend) = try started()
    defer { server.stop() }
    let handle = backend.run(
      ExecutionRequest(
        code: "name = input('name? ')\nprint('hello', name)\nprint(input())", keepsStdinOpen: true))
    let recording = await record(handle) { event in
      // Typed once the program has started (the server takes input only then).
      if case .started = event {
        handle.send(stdin: Array("Ada\n".utf8))
        handle.send(stdin: Array("and goodbye".utf8))
        handle.closeStdin()
      }
    }
    #expect(recording.error == nil)
    #expect(recording.result?.status == .ok)
    #expect(recording.stdout == "name? hello Ada\nand goodbye\n")
  }

  @Test func stdinSentBeforeTheStartIsKeptUntilThen() async throws {
    let (server, backend) = try started()
    defer { server.stop() }
    let handle = backend.run(ExecutionRequest(code: "print(input()[::-1])", keepsStdinOpen: true))
    handle.send(stdin: Array("stressed\n".utf8))
    let recording = await record(handle)
    #expect(recording.stdout == "desserts\n")
  }

  @Test func cancelEndsARunMidway() async throws {
    let (server, backend) = try started()
    defer { server.stop() }
    let handle = backend.run(
      ExecutionRequest(code: "import time\nprint('going', flush=True)\ntime.sleep(60)"))
    let recording = await record(handle) { event in
      if case .stdout = event { handle.cancel() }
    }
    #expect(recording.result?.status == .cancelled, "\(recording.events)")
    #expect(recording.stdout == "going\n")
  }

  @Test func aBadTokenIsUnauthorized() async throws {
    let (server, _) = try started()
    defer { server.stop() }
    let backend = try RemoteBackend(url: server.url, token: "cr_nobody")
    let recording = await record(backend.run(ExecutionRequest(code: "print(1)")))
    #expect(recording.error?.code == .unauthorized)
    #expect(recording.events.isEmpty)
  }

  @Test func aBadLimitNamesTheField() async throws {
    let (server, backend) = try started()
    defer { server.stop() }
    var limits = ExecutionLimits.defaults
    limits.memoryMegabytes = 8
    let recording = await record(backend.run(ExecutionRequest(code: "print(1)", limits: limits)))
    #expect(recording.error?.code == .invalidRequest)
    #expect(
      recording.error?.message.contains("limits.memory_mb") == true, "\(String(describing: recording.error))")
    let language = await record(backend.run(ExecutionRequest(language: "cobol", code: "x")))
    #expect(language.error?.code == .unsupportedLanguage)
  }

  @Test func theConcurrentJobQuotaIsRateLimitedWithItsWait() async throws {
    let server = ServeProcess()
    let token = try server.createToken("quota")
    try server.start(["--workers", "1"])
    defer { server.stop() }
    let backend = try RemoteBackend(url: server.url, token: token)
    // The token's 16 concurrent jobs: one sleeping, fifteen queued behind it on the one worker.
    var ids: [String] = []
    for _ in 0..<16 {
      let accepted = try server.curl(
        [
          "-d", #"{"language":"python","code":"import time\ntime.sleep(60)"}"#, server.url + "/v1/executions",
        ],
        token: token)
      #expect(accepted.status == 202)
      ids.append(try #require(RemoteRunTests.json(accepted.body)["id"] as? String))
    }
    let refused = await record(backend.run(ExecutionRequest(code: "print(1)")))
    #expect(refused.error?.code == .rateLimited)
    #expect(
      refused.error?.message.contains("try again in 1 s") == true, "\(String(describing: refused.error))")
    for id in ids {
      #expect(
        try server.curl(["-X", "POST", server.url + "/v1/executions/\(id)/cancel"], token: token).status
          == 202)
    }
  }

  @Test func aServerKilledMidStreamIsResumedAfterItsRestart() async throws {
    let (server, backend) = try started(1)
    defer { server.stop() }
    let port = server.port
    let handle = backend.run(
      ExecutionRequest(code: "import time\nprint('before', flush=True)\ntime.sleep(1)\nprint('after')"))
    var killed = false
    let recording = await record(handle) { event in
      // The first output: kill the server as a crash would and start it again on its port. (The
      // job runs again after the restart, so "before" comes twice.)
      if case .stdout(let bytes) = event, bytes == Array("before\n".utf8), !killed {
        killed = true
        server.kill9()
        try? server.start(["--workers", "1", "--port", "\(port)"])
      }
    }
    #expect(recording.error == nil, "\(String(describing: recording.error))")
    // The job ran again after the restart: its result is the second run's, whole.
    #expect(recording.result?.status == .ok)
    #expect(recording.result?.stdout == Array("before\nafter\n".utf8))
  }

  @Test func aServerThatStaysDownIsAClearErrorNotAHang() async throws {
    let (server, backend) = try started(1)
    defer { server.stop() }
    let handle = backend.run(ExecutionRequest(code: "import time\nprint('up', flush=True)\ntime.sleep(30)"))
    let recording = await record(handle) { event in
      if case .stdout = event { server.kill9() }
    }
    #expect(recording.error?.code == .unreachable, "\(recording.events)")
    #expect(recording.error?.message.contains("127.0.0.1:\(server.port)") == true)
    // Nothing of the server is left: the job is in its file, for a next start.
  }
}
