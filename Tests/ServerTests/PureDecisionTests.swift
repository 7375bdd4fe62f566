import Execution
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
