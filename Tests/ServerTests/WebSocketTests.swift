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
    let harness = try ServerHarness()
    let secret = try harness.token()
    let received = Mutex<[String]>([])
    try await harness.test(.live) { client in
      try await client.ws(
        "/v1/ws", configuration: .init(additionalHeaders: [.authorization: "Bearer \(secret)"])
      ) { inbound, outbound, _ in
        try await outbound.write(.text(#"{"type":"dance"}"#))
        try await outbound.write(.text(#"{"type":"execute","language":"ruby","code":"1"}"#))
        try await outbound.write(.text(#"{"type":"execute","language":"python","code":"print('ws')"}"#))
        for try await message in inbound.messages(maxSize: 1 << 20) {
          guard case .text(let text) = message else { continue }
          received.withLock { $0.append(text) }
          if text.contains(#""type":"finished""#) { break }
        }
      }
    }
    let messages = received.withLock { $0 }
    let types = messages.compactMap { text -> String? in
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      return object?["type"] as? String
    }
    // Output may come in more than one chunk.
    #expect(types.filter { $0 != "stdout" } == ["error", "error", "status", "finished"])
    #expect(types.firstIndex(of: "stdout").map { $0 > 2 } == true)
    #expect(messages[0].contains(#""field":"type""#))
    #expect(messages[1].contains(#""field":"language""#))
    let stdout = messages.compactMap { text -> String? in
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      return object?["type"] as? String == "stdout" ? object?["data"] as? String : nil
    }
    #expect(stdout.joined() == "ws\n")
    #expect(messages.last?.contains(#""status":"ok""#) == true)
  }

  /// An interactive execution takes `stdin` messages while it runs, through the execution handle.
  @Test func stdinMessagesReachARunningInteractiveProgram() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    let received = Mutex<[String]>([])
    let code =
      #"print('ready', flush=True)\nprint(input().upper())\nimport sys\nprint(len(sys.stdin.read()))"#
    try await harness.test(.live) { client in
      try await client.ws(
        "/v1/ws", configuration: .init(additionalHeaders: [.authorization: "Bearer \(secret)"])
      ) { inbound, outbound, _ in
        try await outbound.write(
          .text(#"{"type":"execute","language":"python","code":"\#(code)","interactive":true}"#))
        var sent = false
        for try await message in inbound.messages(maxSize: 1 << 20) {
          guard case .text(let text) = message else { continue }
          received.withLock { $0.append(text) }
          // The program's first output: it runs and waits for a line.
          if !sent, text.contains("ready") {
            sent = true
            try await outbound.write(.text(#"{"type":"stdin","data":"typed\n","eof":true}"#))
          }
          if text.contains(#""type":"finished""#) { break }
        }
      }
    }
    let messages = received.withLock { $0 }
    let stdout = messages.compactMap { text -> String? in
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      return object?["type"] as? String == "stdout" ? object?["data"] as? String : nil
    }
    #expect(stdout.joined() == "ready\nTYPED\n0\n")
    #expect(messages.last?.contains(#""status":"ok""#) == true)
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
