import Execution
import Testing

@testable import Remote

@Suite("Remote endpoint and events")
struct EndpointTests {
  @Test("URLs: scheme, host, port, prefix")
  func urls() throws {
    let plain = try RemoteEndpoint("http://127.0.0.1:8080/")
    #expect(plain.baseURL == "http://127.0.0.1:8080" && plain.server == "127.0.0.1:8080" && !plain.usesTLS)
    #expect(plain.url("/v1/executions") == "http://127.0.0.1:8080/v1/executions")
    let prefixed = try RemoteEndpoint("HTTPS://runner.example.org/coderemote//")
    #expect(prefixed.baseURL == "https://runner.example.org/coderemote" && prefixed.usesTLS)
    #expect(try RemoteEndpoint("http://[::1]:9000").server == "[::1]:9000")
  }

  @Test(
    "URLs that cannot be used are refused with the reason",
    arguments: [
      "", "127.0.0.1:8080", "ftp://h", "http://", "http://user:pw@h", "http://h:0", "http://h:99999",
      "http://h:8a", "http://h/x?y=1", "http://h x", "http://[::1",
    ])
  func refused(url: String) {
    #expect(throws: ExecutionError.self) { try RemoteEndpoint(url) }
  }

  @Test("a token must be one ASCII word")
  func tokens() {
    #expect(throws: ExecutionError.self) { try RemoteBackend(url: "http://h", token: "a\r\nX-Evil: 1") }
    #expect(throws: ExecutionError.self) { try RemoteBackend(url: "http://h", token: "") }
    #expect((try? RemoteBackend(url: "http://h:1", token: "cr_abc"))?.isolation == "remote h:1")
  }

  @Test("the server's events become the local backend's")
  func events() throws {
    #expect(
      try ServerEvent(.init(type: "status", data: #"{"status":"running"}"#, lastEventID: "1"))
        == .status("running"))
    #expect(
      try ServerEvent(.init(type: "stdout", data: #"{"data":"hi\n"}"#, lastEventID: "2"))
        == .output(.stdout(Array("hi\n".utf8))))
    // Not UTF-8: the base64 is the exact bytes.
    #expect(
      try ServerEvent(.init(type: "stderr", data: #"{"data":"\ufffd","data_b64":"/w=="}"#, lastEventID: "3"))
        == .output(.stderr([0xFF])))
    let result = ExecutionResult(id: "j", status: .ok, exitCode: 0, isolation: "ns", limits: .defaults)
    #expect(
      try ServerEvent(.init(type: "finished", data: result.jsonString(), lastEventID: "4"))
        == .finished(result))
    #expect(try ServerEvent(.init(type: "closed", data: "{}", lastEventID: "4")) == .closed)
    #expect(try ServerEvent(.init(type: "future", data: "{}", lastEventID: "4")) == .unknown)
    #expect(throws: ExecutionError.self) {
      try ServerEvent(.init(type: "stdout", data: "{", lastEventID: "5"))
    }
  }

  @Test("a request the server cannot run is refused before anything is sent")
  func checks() {
    #expect(throws: ExecutionError.self) { try RemoteRun.check(ExecutionRequest(code: "", arguments: ["a"])) }
    #expect(throws: ExecutionError.self) {
      try RemoteRun.check(ExecutionRequest(code: "", sharedPaths: ["/x"]))
    }
    #expect(throws: Never.self) { try RemoteRun.check(ExecutionRequest(code: "print(1)")) }
  }
}
