import Execution
import Testing

@testable import Remote

@Suite("Remote errors")
struct ErrorMappingTests {
  func answer(_ status: Int, _ body: String, retryAfter: String? = nil) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: retryAfter.map { ["retry-after": $0] } ?? [:], body: Array(body.utf8))
  }

  @Test("each refusal of the server has its code and says what to do")
  func refusals() {
    let unauthorized = ExecutionError(
      response: answer(401, #"{"error":{"code":"unauthorized","message":"send a token"}}"#), server: "h:1")
    #expect(unauthorized.code == .unauthorized)
    #expect(unauthorized.message.contains("h:1") && unauthorized.message.contains("--token"))

    let large = ExecutionError(
      response: answer(
        413, #"{"error":{"code":"too_large","message":"the body is larger than 1048576 bytes"}}"#),
      server: "h")
    #expect(large.code == .tooLarge && large.message.contains("1048576"))

    let invalid = ExecutionError(
      response: answer(
        422,
        #"{"error":{"code":"invalid","message":"limits.wall_ms must be at least 10","field":"limits.wall_ms"}}"#
      ),
      server: "h")
    #expect(invalid.code == .invalidRequest)
    #expect(invalid.message.contains("field limits.wall_ms") && invalid.message.contains("at least 10"))

    let language = ExecutionError(
      response: answer(422, #"{"error":{"code":"unsupported_language","message":"no","field":"language"}}"#),
      server: "h")
    #expect(language.code == .unsupportedLanguage)

    let limited = ExecutionError(
      response: answer(
        429, #"{"error":{"code":"rate_limited","message":"16 jobs running"}}"#, retryAfter: "7"),
      server: "h")
    #expect(limited.code == .rateLimited && limited.message.contains("try again in 7 s"))

    let busy = ExecutionError(
      response: answer(503, #"{"error":{"code":"queue_full","message":"the queue is full"}}"#), server: "h",
      attempts: 6)
    #expect(busy.code == .unavailable && busy.message.contains("asked 6 times"))

    let odd = ExecutionError(response: answer(500, "<html>oops</html>"), server: "h")
    #expect(odd.code == .backendFailure && odd.message.contains("500"))
  }

  @Test("a failed connection names the host and the kind of failure")
  func transport() {
    let refused = ExecutionError(
      transport: TransportFailure(kind: .notConnected, message: "Connection refused"), server: "127.0.0.1:9",
      attempts: 6)
    #expect(refused.code == .unreachable)
    #expect(refused.message.contains("127.0.0.1:9") && refused.message.contains("tried 6 times"))
    let tls = ExecutionError(
      transport: TransportFailure(kind: .tls, message: "SSL certificate problem: self-signed certificate"),
      server: "h")
    #expect(
      tls.code == .tlsFailure && tls.message.contains("--ca-file") && tls.message.contains("self-signed"))
    #expect(
      ExecutionError(transport: .init(kind: .unresolved, message: "x"), server: "h").code == .unreachable)
  }

  @Test("libcurl's codes sort into kinds")
  func curlCodes() {
    #expect(TransportFailure.kind(curlCode: 7) == .notConnected)
    #expect(TransportFailure.kind(curlCode: 6) == .unresolved)
    #expect([18, 28, 52, 56].map(TransportFailure.kind(curlCode:)).allSatisfy { $0 == .dropped })
    #expect([35, 60, 77].map(TransportFailure.kind(curlCode:)).allSatisfy { $0 == .tls })
    #expect(TransportFailure.kind(curlCode: 42) == .aborted)
    #expect(TransportFailure.kind(curlCode: 3) == .other)
  }

  @Test("Retry-After is read as seconds")
  func retryAfterHeader() {
    #expect(answer(503, "", retryAfter: " 5 ").retryAfterSeconds == 5)
    #expect(answer(503, "", retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT").retryAfterSeconds == nil)
    #expect(answer(503, "").retryAfterSeconds == nil)
  }
}
