import Testing

@testable import Execution
@testable import Sandbox
@testable import Settings

/// Standard input sent through the handle while the program runs (the editor's input field, a
/// WebSocket client), under every layer set the hostile suite uses.
@Suite("Live stdin")
struct LiveStdinTests {
  static func backend(_ layers: SandboxHarness.LayerSet) -> LocalBackend {
    var configuration = SandboxConfiguration()
    configuration.namespaces =
      SandboxConfiguration.NamespaceChoice(rawValue: layers.namespacesSetting) ?? .auto
    return LocalBackend(configuration: configuration)
  }

  @Test("each line sent while the program runs reaches its input()", arguments: SandboxHarness.available)
  func twoLines(layers: SandboxHarness.LayerSet) async throws {
    let code = """
      print('ready', flush=True)
      first = input()
      print('got ' + first, flush=True)
      second = input()
      print('got ' + second, flush=True)
      """
    let run = Self.backend(layers).run(ExecutionRequest(code: code, keepsStdinOpen: true))
    var stdout = ""
    var result: ExecutionResult?
    for try await event in run.events {
      switch event {
      case .stdout(let bytes):
        stdout += String(decoding: bytes, as: UTF8.self)
        // Each line goes only once the program has answered the one before: it is running.
        if stdout == "ready\n" { run.send(stdin: Array("one\n".utf8)) }
        if stdout == "ready\ngot one\n" { run.send(stdin: Array("two\n".utf8)) }
      case .finished(let finished): result = finished
      default: break
      }
    }
    #expect(result?.status == .ok, "\(String(describing: result))")
    #expect(stdout == "ready\ngot one\ngot two\n")
    #expect(result?.stdout == Array("ready\ngot one\ngot two\n".utf8))
  }

  @Test(
    "closing stdin after what was sent gives the program end of file", arguments: SandboxHarness.available)
  func closeGivesEndOfFile(layers: SandboxHarness.LayerSet) async throws {
    let code = "import sys\nprint('ready', flush=True)\nprint(repr(sys.stdin.read()))\n"
    let request = ExecutionRequest(code: code, stdin: Array("up front\n".utf8), keepsStdinOpen: true)
    let run = Self.backend(layers).run(request)
    var stdout: [UInt8] = []
    var result: ExecutionResult?
    for try await event in run.events {
      switch event {
      case .stdout(let bytes):
        // print() may write 'ready' and its newline apart: wait for the whole line.
        stdout += bytes
        if stdout == Array("ready\n".utf8) {
          run.send(stdin: Array("later".utf8))
          run.closeStdin()
        }
      case .finished(let finished): result = finished
      default: break
      }
    }
    #expect(result?.stdout == Array("ready\n'up front\\nlater'\n".utf8), "\(String(describing: result))")
  }

  @Test("stdin given up front is closed after it unless the request keeps it open")
  func upFrontIsClosed() async throws {
    let code = "import sys\nprint(repr(sys.stdin.read()))\n"
    var result: ExecutionResult?
    for try await event in Self.backend(.rlimits).run(ExecutionRequest(code: code, stdin: Array("x".utf8)))
      .events
    {
      if case .finished(let finished) = event { result = finished }
    }
    #expect(result?.stdout == Array("'x'\n".utf8))
    #expect(result?.status == .ok)
  }
}
