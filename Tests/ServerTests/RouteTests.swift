import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

/// Every route and error through the in-process router, over a real database and sandbox.
@Suite struct RouteTests {
  @Test func healthNeedsNoTokenAndEverythingElseDoes() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test(workers: false) { client in
      try await client.execute(uri: "/healthz", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.json["status"] as? String == "ok")
      }
      for (uri, method) in [
        ("/metrics", HTTPRequest.Method.get), ("/v1/languages", .get), ("/v1/executions", .post),
      ] {
        try await client.execute(uri: uri, method: method) { response in
          #expect(response.status == .unauthorized, "\(uri)")
          #expect(response.errorCode == "unauthorized")
        }
      }
      try await client.execute(uri: "/v1/languages", method: .get, headers: .bearer("cr_wrong")) { response in
        #expect(response.status == .unauthorized)
      }
      try await client.execute(uri: "/v1/languages", method: .get, headers: .bearer(secret)) { response in
        #expect(response.status == .ok)
        let languages = response.json["languages"] as? [[String: Any]]
        #expect(languages?.first?["name"] as? String == "python")
      }
    }
  }

  /// Found by schemathesis: a GET of the WebSocket route without an upgrade was answered 200 with nothing.
  @Test func aPlainGetOfTheWebSocketRouteIs426() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test(workers: false) { client in
      try await client.execute(uri: "/v1/ws", method: .get, headers: .bearer(secret)) { response in
        #expect(response.status.code == 426)
        #expect(response.errorCode == "upgrade_required")
      }
    }
  }

  @Test func aRevokedTokenStopsWorking() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token("alice")
    try harness.database.tokens.revoke("alice", at: 2)
    try await harness.test(workers: false) { client in
      try await client.execute(uri: "/v1/languages", method: .get, headers: .bearer(secret)) { response in
        #expect(response.status == .unauthorized)
      }
    }
  }

  @Test func waitReturnsTheFinishedResult() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test { client in
      let response = try await client.submit(
        #"{"language":"python","code":"import sys\nprint('hi')\nprint(input())\nsys.exit(3)","stdin":"typed\n"}"#,
        token: secret, wait: true)
      #expect(response.status == .ok)
      #expect(response.json["status"] as? String == "error")
      #expect(response.json["exit_code"] as? Int == 3)
      #expect(response.json["stdout"] as? String == "hi\ntyped\n")
      #expect((response.json["id"] as? String)?.isEmpty == false)
    }
  }

  @Test func eventsStreamThenResumeAfterALastEventID() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test { client in
      let queued = try await client.submit(
        #"{"language":"python","code":"import sys\nprint('one', flush=True)\nprint('two', file=sys.stderr)"}"#,
        token: secret)
      #expect(queued.status == .accepted)
      #expect(queued.json["status"] as? String == "queued")
      let id = try #require(queued.json["id"] as? String)
      let all = try await client.events(of: id, token: secret)
      // Output may come in several chunks: compare the kinds in order, and the joined text.
      var kinds: [String] = []
      for event in all where kinds.last != event.event { kinds.append(event.event) }
      #expect(kinds == ["status", "stdout", "stderr", "finished"])
      #expect(all.map(\.id) == all.map(\.id).sorted())
      #expect(SSE.text(all, "stdout") == "one\n")
      #expect(SSE.text(all, "stderr") == "two\n")
      let rest = try await client.events(of: id, token: secret, after: all[all.count - 3].id)
      #expect(rest.map(\.id) == all.suffix(2).map(\.id))
      let result = try await client.execution(id, token: secret)
      #expect(result.json["status"] as? String == "ok")
      #expect(result.json["stderr"] as? String == "two\n")
    }
  }

  @Test func badBodiesAre400And422NamingTheField() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    let cases: [(String, HTTPResponse.Status, String?)] = [
      ("not json", .badRequest, nil),
      ("[1, 2]", .badRequest, nil),
      (#"{"language":"python"}"#, .unprocessableContent, "code"),
      (#"{"code":"print(1)"}"#, .unprocessableContent, "language"),
      (#"{"language":"ruby","code":"puts 1"}"#, .unprocessableContent, "language"),
      (#"{"language":"python","code":5}"#, .unprocessableContent, "code"),
      (#"{"language":"python","code":"1","limits":{"wall_ms":1}}"#, .unprocessableContent, "limits.wall_ms"),
      (
        #"{"language":"python","code":"1","limits":{"memory_mb":"lots"}}"#, .unprocessableContent,
        "limits.memory_mb"
      ),
      (#"{"language":"python","code":"1","stdin_b64":"%%%"}"#, .unprocessableContent, "stdin_b64"),
      (
        #"{"language":"python","code":"1","files":[{"path":"a.txt","content":"x"}]}"#, .unprocessableContent,
        "files.0.name"
      ),
    ]
    try await harness.test(workers: false) { client in
      for (body, status, field) in cases {
        let response = try await client.submit(body, token: secret)
        #expect(response.status == status, "\(body)")
        #expect(response.errorField == field, "\(body)")
        #expect(response.json["error"] != nil)
      }
    }
  }

  @Test func aBodyOverTheLimitIs413() async throws {
    let harness = try ServerHarness { $0.maximumBodyBytes = 1_000 }
    let secret = try harness.token()
    let code = String(repeating: "x", count: 2_000)
    try await harness.test(workers: false) { client in
      let response = try await client.submit(
        #"{"language":"python","code":"\#(code)"}"#, token: secret)
      #expect(response.status == .contentTooLarge)
      #expect(response.errorCode == "too_large")
    }
  }

  @Test func limitsAreCappedByTheServer() async throws {
    let harness = try ServerHarness { $0.maximumLimits.wallMilliseconds = 2_000 }
    let secret = try harness.token()
    try await harness.test { client in
      let response = try await client.submit(
        #"{"language":"python","code":"print(1)","limits":{"wall_ms":999999,"memory_mb":128}}"#,
        token: secret, wait: true)
      let limits = response.json["limits"] as? [String: Any]
      #expect(limits?["wall_ms"] as? Int == 2_000)
      #expect(limits?["memory_mb"] as? Int == 128)
    }
  }

  @Test func theRateLimitAnswers429WithRetryAfter() async throws {
    let harness = try ServerHarness {
      $0.rateBurst = 2
      $0.ratePerSecond = 0.01
    }
    let secret = try harness.token()
    try await harness.test(workers: false) { client in
      let body = #"{"language":"python","code":"print(1)"}"#
      for expected in [HTTPResponse.Status.accepted, .accepted, .tooManyRequests] {
        let response = try await client.submit(body, token: secret)
        #expect(response.status == expected)
        if expected == .tooManyRequests {
          #expect(response.errorCode == "rate_limited")
          #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
        }
      }
      // Another token has its own bucket.
      let other = try harness.token("other")
      #expect(try await client.submit(body, token: other).status == .accepted)
    }
  }

  /// The answer to a `print(1)` submitted right after a first one was taken, with no worker to run
  /// either: what a quota or the queue's size makes of it.
  func secondSubmission(to harness: ServerHarness) async throws -> TestResponse {
    let secret = try harness.token()
    return try await harness.test(workers: false) { client in
      let body = #"{"language":"python","code":"print(1)"}"#
      #expect(try await client.submit(body, token: secret).status == .accepted)
      return try await client.submit(body, token: secret)
    }
  }

  @Test func theConcurrentJobQuotaAnswers429() async throws {
    let response = try await secondSubmission(to: ServerHarness { $0.concurrentJobsPerToken = 1 })
    #expect(response.status == .tooManyRequests)
    #expect(response.headers[.retryAfter] == "1")
  }

  @Test func aFullQueueAnswers503WithRetryAfter() async throws {
    let response = try await secondSubmission(
      to: ServerHarness {
        $0.queueCapacity = 1
        $0.concurrentJobsPerToken = 10
      })
    #expect(response.status == .serviceUnavailable)
    #expect(response.errorCode == "queue_full")
    #expect(response.headers[.retryAfter] != nil)
  }

  @Test func cancellingAQueuedJobFinishesItAndASecondCancelIs409() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test(workers: false) { client in
      let id = try await client.queue(#"{"language":"python","code":"print(1)"}"#, token: secret)
      let cancelled = try await client.cancel(id, token: secret)
      #expect(cancelled.status == .accepted)
      #expect(cancelled.json["status"] as? String == "cancelled")
      #expect(try await client.execution(id, token: secret).json["status"] as? String == "cancelled")
      #expect(try await client.cancel(id, token: secret).status == .conflict)
      #expect(try await client.sendStdin(#"{"data":"x"}"#, to: id, token: secret).status == .conflict)
    }
  }

  @Test func cancellingARunningJobEndsItCancelled() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test { client in
      let id = try await client.startSleepingJob(token: secret, in: harness.service)
      let cancelling = try await client.cancel(id, token: secret)
      #expect(cancelling.status == .accepted)
      #expect(cancelling.json["status"] as? String == "running")
      let events = try await client.events(of: id, token: secret)
      #expect(events.last?.event == "finished")
      #expect(events.last?.data.contains(#""status":"cancelled""#) == true)
    }
  }

  @Test func unknownIdsPathsAndOtherTokensJobsAre404() async throws {
    let harness = try ServerHarness()
    let alice = try harness.token("alice")
    let bob = try harness.token("bob")
    try await harness.test(workers: false) { client in
      let id = try await client.queue(#"{"language":"python","code":"print(1)"}"#, token: alice)
      for uri in ["/v1/executions/nope", "/v1/executions/\(id)"] {
        try await client.execute(uri: uri, method: .get, headers: .bearer(bob)) {
          #expect($0.status == .notFound)
          #expect($0.errorCode == "not_found")
        }
      }
      try await client.execute(uri: "/v1/nothing", method: .get, headers: .bearer(bob)) {
        #expect($0.status == .notFound)
        #expect($0.errorCode == "not_found")
      }
    }
  }

  @Test func metricsArePrometheusText() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    try await harness.test { client in
      #expect(
        try await client.submit(#"{"language":"python","code":"print(1)"}"#, token: secret, wait: true).status
          == .ok)
      try await client.execute(uri: "/metrics", method: .get, headers: .bearer(secret)) { response in
        #expect(response.status == .ok)
        let text = response.text
        #expect(text.contains("coderemote_queue_depth 0\n"))
        #expect(text.contains("coderemote_jobs_running 0\n"))
        #expect(text.contains("coderemote_jobs_submitted_total 1\n"))
        #expect(text.contains("coderemote_jobs_finished_total{status=\"ok\"} 1\n"))
        #expect(text.contains("coderemote_job_duration_seconds_count 1\n"))
      }
    }
  }

  @Test func analysesReadTheCodeAndNameABadField() async throws {
    let harness = try ServerHarness(analyses: true)
    let secret = try harness.token()
    try await harness.test(workers: false) { client in
      try await client.execute(
        uri: "/v1/analyses", method: .post, headers: .bearer(secret),
        body: .json(
          #"{"language":"python","code":"def f(xs):\n  for a in xs:\n    for b in xs:\n      print(a, b)\n","empirical":false}"#
        )
      ) { response in
        #expect(response.status == .ok)
        #expect(response.json["time"] as? String == "O(n^2)")
        #expect(response.json["empirical"] is NSNull)
      }
      try await client.execute(
        uri: "/v1/analyses", method: .post, headers: .bearer(secret),
        body: .json(#"{"language":"python","code":"def (:","empirical":false}"#)
      ) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.errorField == "code")
      }
      try await client.execute(
        uri: "/v1/analyses", method: .post, headers: .bearer(secret), body: .json(#"{"code":"x"}"#)
      ) { #expect($0.errorField == "language") }
    }
  }

  @Test func analysesWithoutAnAnalyzerSayTheyAreUnavailable() async throws {
    let harness = try ServerHarness { $0.allowAnonymous = true }
    try await harness.test(workers: false) { client in
      try await client.execute(
        uri: "/v1/analyses", method: .post, body: .json(#"{"language":"python","code":"print(1)"}"#)
      ) { response in
        #expect(response.status == .serviceUnavailable)
        #expect(response.errorCode == "unavailable")
      }
    }
  }
}

/// Server-sent events as a client reads them.
enum SSE {
  struct Event: Equatable {
    var id: Int64
    var event: String
    var data: String
  }

  /// The text of every event of `kind`, joined.
  static func text(_ events: [Event], _ kind: String) -> String {
    events.filter { $0.event == kind }.compactMap { event in
      (try? JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])?["data"] as? String
    }.joined()
  }

  static func parse(_ text: String) -> [Event] {
    text.components(separatedBy: "\n\n").compactMap { block in
      var event = Event(id: -1, event: "", data: "")
      for line in block.split(separator: "\n") {
        if line.hasPrefix("id: ") { event.id = Int64(line.dropFirst(4)) ?? -1 }
        if line.hasPrefix("event: ") { event.event = String(line.dropFirst(7)) }
        if line.hasPrefix("data: ") { event.data = String(line.dropFirst(6)) }
      }
      return event.event.isEmpty ? nil : event
    }
  }
}
