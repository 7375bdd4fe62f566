import Execution
import Foundation
import Testing

@testable import Server

@Suite struct PureDecisionTests {
  @Test func theBucketAllowsABurstThenRefills() {
    var bucket = TokenBucket(ratePerSecond: 2, burst: 3, now: 0)
    #expect(bucket.take(now: 0) == nil)
    #expect(bucket.take(now: 0) == nil)
    #expect(bucket.take(now: 0) == nil)
    #expect(bucket.take(now: 0) == 1)
    #expect(bucket.take(now: 0.5) == nil)
    #expect(bucket.take(now: 0.5) == 1)
    #expect(bucket.take(now: 100) == nil)
    #expect(bucket.tokens == 2)
  }

  @Test func aSlowRateWaitsWholeSeconds() {
    var bucket = TokenBucket(ratePerSecond: 0.1, burst: 1, now: 0)
    #expect(bucket.take(now: 0) == nil)
    #expect(bucket.take(now: 0) == 10)
  }

  @Test func submissionsTakeDefaultsAndCaps() throws {
    var configuration = ServerConfiguration()
    configuration.defaultLimits.wallMilliseconds = 3_000
    configuration.maximumLimits.cpuMilliseconds = 1_000
    let parsed = try Submission.parse(
      Array(
        #"{"language":"python","code":"x","stdin_b64":"aGk=","limits":{"cpu_ms":50000},"interactive":true}"#
          .utf8),
      configuration: configuration)
    #expect(parsed.stdin == Array("hi".utf8))
    #expect(parsed.limits.wallMilliseconds == 3_000)
    #expect(parsed.limits.cpuMilliseconds == 1_000)
    #expect(parsed.interactive)
  }

  @Test func stdinAndItsBase64AreExclusive() {
    #expect(throws: APIError.invalid("stdin_b64", "give stdin or stdin_b64, not both")) {
      try Submission.parse(
        Array(#"{"language":"python","code":"x","stdin":"a","stdin_b64":"YQ=="}"#.utf8),
        configuration: ServerConfiguration())
    }
  }

  @Test func aDisplayNameLabelsTheRequest() throws {
    let named = try Submission.parse(
      Array(#"{"language":"python","code":"x","display_name":"work/fib.py"}"#.utf8),
      configuration: ServerConfiguration())
    #expect(named.displayName == "work/fib.py")
    #expect(named.request.displayName == "work/fib.py")
    // Left out, it is main.py, as for a job queued before names were taken.
    let unnamed = try Submission.parse(
      Array(#"{"language":"python","code":"x"}"#.utf8), configuration: ServerConfiguration())
    #expect(unnamed.displayName == nil && unnamed.request.displayName == "main.py")
    let stored = try JSONDecoder().decode(
      Submission.self,
      from: Data(
        #"{"language":"python","code":"x","stdin":[],"interactive":false,"limits":\#(limitsJSON)}"#.utf8))
    #expect(stored.request.displayName == "main.py")
  }

  /// The limits as the queue stores them, for a stored job written by hand.
  private var limitsJSON: String {
    String(decoding: (try? JSONEncoder().encode(ExecutionLimits.defaults)) ?? Data(), as: UTF8.self)
  }

  @Test(
    arguments: [
      (#""""#, "display_name is empty"),
      (#""a\u0000b.py""#, "display_name holds a NUL or other control character"),
      (#""tab\there.py""#, "display_name holds a NUL or other control character"),
      (#""esc\u001b[31m.py""#, "display_name holds a NUL or other control character"),
      (#""c1\u009b.py""#, "display_name holds a NUL or other control character"),
      (
        "\"" + String(repeating: "é", count: 128) + "\"",
        "display_name is 256 bytes of UTF-8; the most is 255"
      ),
      ("7", "display_name must be a string"),
    ])
  func aBadDisplayNameIs422NamingIt(value: String, message: String) {
    #expect(throws: APIError.invalid("display_name", message)) {
      try Submission.parse(
        Array(#"{"language":"python","code":"x","display_name":\#(value)}"#.utf8),
        configuration: ServerConfiguration())
    }
  }

  @Test func aDisplayNameMayBeAnyTextUpTo255Bytes() {
    for name in ["<stdin>", "fib.py", "数学/斐波那契.py", "a b (copy).py", String(repeating: "x", count: 255)] {
      #expect(Submission.displayNameProblem(name) == nil, "\(name)")
    }
  }

  @Test func webSocketMessagesCarryTypeAndID() {
    #expect(
      EventPayload.message(type: "stdout", id: 7, payload: Array(#"{"data":"x"}"#.utf8))
        == #"{"type":"stdout","id":7,"data":"x"}"#)
    #expect(EventPayload.message(type: "error", id: nil, payload: Array("{}".utf8)) == #"{"type":"error"}"#)
  }

  @Test func outputThatIsNotUTF8CarriesItsBytes() {
    let payload = String(decoding: EventPayload.output([0xff, 0x41]), as: UTF8.self)
    #expect(payload.contains(#""data_b64":"/0E=""#))
  }

  @Test func tokenHashesAreSHA256Hex() {
    #expect(TokenSecret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let secret = TokenSecret.generate()
    #expect(secret.hasPrefix("cr_") && secret.count == 67)
    #expect(secret != TokenSecret.generate())
  }
}
