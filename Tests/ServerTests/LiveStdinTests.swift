import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

/// Input while a program runs, through the sandbox's execution handle: a real program on the real
/// sandbox reads what POST …/stdin sends, and reads end of file when asked.
@Suite struct LiveStdinTests {
  @Test func anInteractiveJobReadsLiveInputThenEndOfFile() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    let code =
      #"import sys\nprint('ready', flush=True)\nprint(input().upper(), flush=True)\nrest = sys.stdin.read()\nprint('rest', len(rest))"#
    try await harness.test { client in
      let id = try await client.queue(
        #"{"language":"python","code":"\#(code)","interactive":true}"#, token: secret)
      // Its first output: the program runs, and its handle is attached.
      let ready = try #require(
        await ServerFixtures.waitFor("ready", kind: "stdout", of: id, in: harness.service))
      #expect(try await client.sendStdin(#"{"data":"hello\n"}"#, to: id, token: secret).status == .accepted)
      let echoed = try #require(
        await ServerFixtures.waitFor("HELLO", kind: "stdout", of: id, in: harness.service, after: ready))
      #expect(
        try await client.sendStdin(#"{"data_b64":"YWJj","eof":true}"#, to: id, token: secret).status
          == .accepted)
      _ = try #require(
        await ServerFixtures.waitFor(
          "\"status\"", kind: EventPayload.finished, of: id, in: harness.service, after: echoed))
      let result = try await client.execution(id, token: secret)
      #expect(result.json["status"] as? String == "ok")
      #expect((result.json["stdout"] as? String)?.hasSuffix("HELLO\nrest 3\n") == true)
    }
  }

  @Test func liveInputForAJobNotStartedInteractiveIs409() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test { client in
      let id = try await client.startSleepingJob(token: secret, in: harness.service)
      let refused = try await client.sendStdin(#"{"data":"x"}"#, to: id, token: secret)
      #expect(refused.status == .conflict)
      #expect(refused.text.contains("interactive"))
      #expect(try await client.cancel(id, token: secret).status == .accepted)
    }
  }
}
