import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import Synchronization
import Testing

@testable import Server

/// The WebSocket protocol on a live loopback server: execute, the same events as SSE, errors.
@Suite struct WebSocketTests {
  @Test func executeStreamsTheEventsAndRefusesBadMessages() async throws {
    let messages = try await ServerHarness().webSocket(sending: [
      #"{"type":"dance"}"#, #"{"type":"execute","language":"ruby","code":"1"}"#,
      #"{"type":"execute","language":"python","code":"print('ws')"}"#,
    ])
    let types = WebSocketMessages.types(messages)
    // Output may come in more than one chunk.
    #expect(types.filter { $0 != "stdout" } == ["error", "error", "status", "finished"])
    #expect(types.firstIndex(of: "stdout").map { $0 > 2 } == true)
    #expect(messages[0].contains(#""field":"type""#))
    #expect(messages[1].contains(#""field":"language""#))
    #expect(WebSocketMessages.stdout(messages) == "ws\n")
    #expect(messages.last?.contains(#""status":"ok""#) == true)
  }

  /// An interactive execution takes `stdin` messages while it runs, through the execution handle.
  @Test func stdinMessagesReachARunningInteractiveProgram() async throws {
    let code =
      #"print('ready', flush=True)\nprint(input().upper())\nimport sys\nprint(len(sys.stdin.read()))"#
    let sent = Mutex(false)
    let messages = try await ServerHarness().webSocket(
      sending: [#"{"type":"execute","language":"python","code":"\#(code)","interactive":true}"#]
    ) { text in
      // The program's first output: it runs and waits for a line.
      guard text.contains("ready"), !sent.withLock({ $0 }) else { return nil }
      sent.withLock { $0 = true }
      return #"{"type":"stdin","data":"typed\n","eof":true}"#
    }
    #expect(WebSocketMessages.stdout(messages) == "ready\nTYPED\n0\n")
    #expect(messages.last?.contains(#""status":"ok""#) == true)
  }

  /// The program's name in tracebacks comes with `execute` as with POST (`display_name`).
  @Test func executeTakesADisplayName() async throws {
    let messages = try await ServerHarness().webSocket(sending: [
      #"{"type":"execute","language":"python","code":"x = 1\nx / 0","display_name":"fib.py"}"#
    ])
    let finished = WebSocketMessages.object(try #require(messages.last))
    #expect(finished["status"] as? String == "error")
    let stderr = try #require(finished["stderr"] as? String)
    #expect(stderr.contains("File \"fib.py\", line 2, in <module>"), "\(stderr)")
  }

  /// Without a token the upgrade is refused (the WebSocket library answers such a refusal with 400;
  /// a plain GET of the path gets the API's 401).
  @Test func theUpgradeNeedsAToken() async throws {
    let harness = try ServerHarness()
    try await harness.test(.live, workers: false) { client in
      await #expect(throws: (any Error).self) {
        try await client.ws("/v1/ws") { _, _, _ in }
      }
      try await client.execute(uri: "/v1/ws", method: .get) { response in
        #expect(response.status == .unauthorized)
      }
    }
  }
}
