import Foundation
import Testing

/// The real `coderemote serve` over loopback: tokens, executions, SSE resume, the error statuses,
/// and restart recovery after kill -9.
@Suite(.serialized) struct ServeCommandTests {
  static func json(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
  }

  @Test func tokensAreShownOnceListedAndRevoked() throws {
    let server = ServeProcess()
    let secret = try server.createToken("alice")
    #expect(secret.hasPrefix("cr_"))
    let list = try Binary.run(["tokens", "list", "--db", server.database])
    #expect(list.status == 0)
    #expect(list.text.contains("alice"))
    #expect(!list.text.contains(secret))
    #expect(try Binary.run(["tokens", "create", "alice", "--db", server.database]).status == 1)
    let revoke = try Binary.run(["tokens", "revoke", "alice", "--db", server.database])
    #expect(revoke.status == 0)
    #expect(try Binary.run(["tokens", "list", "--db", server.database]).text.contains("revoked"))
    #expect(try Binary.run(["tokens", "revoke", "nobody", "--db", server.database]).status == 1)
  }

  @Test func servesExecutionsEventsAndErrors() throws {
    let server = ServeProcess()
    let token = try server.createToken("e2e")
    try server.start(["--workers", "2"])
    #expect(try server.curl([server.url + "/healthz"]).status == 200)
    let anonymous = try server.curl([server.url + "/v1/languages"])
    #expect(anonymous.status == 401)
    #expect(Self.json(anonymous.body)["error"] != nil)

    let waited = try server.curl(
      ["-d", #"{"language":"python","code":"print(6*7)"}"#, server.url + "/v1/executions?wait=true"],
      token: token)
    #expect(waited.status == 200)
    #expect(Self.json(waited.body)["stdout"] as? String == "42\n")

    let queued = try server.curl(
      [
        "-d", #"{"language":"python","code":"for i in range(3): print(i, flush=True)"}"#,
        server.url + "/v1/executions",
      ],
      token: token)
    #expect(queued.status == 202)
    let id = try #require(Self.json(queued.body)["id"] as? String)
    let events = try server.curl(["-N", server.url + "/v1/executions/\(id)/events"], token: token)
    #expect(events.status == 200)
    #expect(events.body.contains("event: finished"))
    let ids = events.body.split(separator: "\n").filter { $0.hasPrefix("id: ") }.compactMap {
      Int($0.dropFirst(4))
    }
    #expect(ids.count >= 3)
    let resumed = try server.curl(
      ["-N", "-H", "Last-Event-ID: \(ids[ids.count - 2])", server.url + "/v1/executions/\(id)/events"],
      token: token)
    #expect(resumed.body.split(separator: "\n").filter { $0.hasPrefix("id: ") } == ["id: \(ids.last!)"])

    let invalid = try server.curl(
      ["-d", #"{"language":"cobol","code":"x"}"#, server.url + "/v1/executions"], token: token)
    #expect(invalid.status == 422)
    #expect((Self.json(invalid.body)["error"] as? [String: Any])?["field"] as? String == "language")
    let huge = String(repeating: "x", count: 2 << 20)
    let large = try server.curl(
      ["-H", "Content-Type: application/json", "--data-binary", "@-", server.url + "/v1/executions"],
      token: token,
      stdin: Data(#"{"language":"python","code":"\#(huge)"}"#.utf8))
    #expect(large.status == 413)
    #expect(try server.curl([server.url + "/nowhere"], token: token).status == 404)
    #expect(server.terminate() == 0)
  }

  @Test func aRequestsFilesAreReadByTheProgramAndBadNamesAreNamed() throws {
    let server = ServeProcess()
    let token = try server.createToken("files")
    try server.start(["--workers", "1"])
    let body =
      #"{"language":"python","code":"from pkg import m\nprint(m.x, open('pkg/data.txt').read())","files":[{"name":"pkg/m.py","content":"x = 7\n"},{"name":"pkg/data.txt","content_b64":"c2V2ZW4="}]}"#
    let waited = try server.curl(["-d", body, server.url + "/v1/executions?wait=true"], token: token)
    #expect(waited.status == 200)
    #expect(Self.json(waited.body)["stdout"] as? String == "7 seven\n", "\(waited.body)")
    let refused = try server.curl(
      [
        "-d", #"{"language":"python","code":"1","files":[{"name":"../escape","content":"x"}]}"#,
        server.url + "/v1/executions",
      ], token: token)
    #expect(refused.status == 422)
    #expect((Self.json(refused.body)["error"] as? [String: Any])?["field"] as? String == "files.0.name")
    #expect(server.terminate() == 0)
  }

  @Test func aJobRunningWhenTheServerIsKilledIsNotStuck() throws {
    let server = ServeProcess()
    let token = try server.createToken("crash")
    try server.start(["--workers", "1"])
    let slow = try server.curl(
      [
        "-d",
        #"{"language":"python","code":"import time\nprint('started', flush=True)\ntime.sleep(2)\nprint('done')"}"#,
        server.url + "/v1/executions",
      ], token: token)
    let slowID = try #require(Self.json(slow.body)["id"] as? String)
    let waiting = try server.curl(
      ["-d", #"{"language":"python","code":"print('second')"}"#, server.url + "/v1/executions"], token: token)
    let waitingID = try #require(Self.json(waiting.body)["id"] as? String)
    // Kill the server once the queue says the job is running (bounded: the job sleeps 2 s).
    var state = ""
    for _ in 0..<400 where state != "running" {
      state =
        Self.json(try server.curl([server.url + "/v1/executions/\(slowID)"], token: token).body)["status"]
        as? String ?? ""
      if state != "running" { usleep(5_000) }
    }
    #expect(state == "running")
    server.kill9()
    try server.start(["--workers", "1"])
    for id in [slowID, waitingID] {
      let events = try server.curl(["-N", server.url + "/v1/executions/\(id)/events"], token: token)
      #expect(events.body.contains("event: finished"), "\(id)")
      let result = try server.curl([server.url + "/v1/executions/\(id)"], token: token)
      #expect(Self.json(result.body)["status"] as? String == "ok", "\(result.body)")
    }
    let again = try server.curl([server.url + "/v1/executions/\(slowID)"], token: token)
    #expect(Self.json(again.body)["stdout"] as? String == "started\ndone\n")
  }
}
