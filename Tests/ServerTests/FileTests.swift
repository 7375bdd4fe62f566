import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import Settings
import Synchronization
import Testing

@testable import Server

/// A request's `files`: refused with 422 naming each bad field, else written beside the program
/// in its box, where the program reads them.
@Suite struct FileTests {
  static func body(_ files: String) -> String { #"{"language":"python","code":"1","files":\#(files)}"# }

  @Test func badFilesAre422NamingEveryFailingField() async throws {
    let harness = try ServerHarness {
      $0.maximumFiles = 3
      $0.maximumFileBytes = 10
    }
    let secret = try harness.token()
    let cases: [(String, String, [String]?)] = [
      (#"{"name":"a"}"#, "files", nil),
      (#"[{"content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"a.txt"}]"#, "files.0.content", nil),
      (#"[{"name":"a.txt","content":"x","content_b64":"eA=="}]"#, "files.0.content_b64", nil),
      (#"[{"name":"a.txt","content_b64":"%%"}]"#, "files.0.content_b64", nil),
      (#"[{"name":7,"content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"/etc/passwd","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"../up.txt","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"a/./b","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"a\u0000b","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"main.py","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"a//b","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"a/b/c/d/e/f/g/h/i","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"\#(String(repeating: "n", count: 256))","content":"x"}]"#, "files.0.name", nil),
      (#"[{"name":"a","content":"x"},{"name":"a","content":"y"}]"#, "files.1.name", nil),
      (#"[{"name":"a","content":"x"},{"name":"a/b","content":"y"}]"#, "files.1.name", nil),
      (
        #"[{"name":"a","content":"x"},{"name":"b","content":"x"},{"name":"c","content":"x"},{"name":"d","content":"x"}]"#,
        "files", nil
      ),
      (#"[{"name":"big","content":"01234567890"}]"#, "files", nil),
      (
        #"[{"name":"ok","content":"x"},{"name":"../a"},{"name":"b","content_b64":"!"}]"#, "files.1.content",
        ["files.1.content", "files.1.name", "files.2.content_b64"]
      ),
    ]
    try await harness.test(workers: false) { client in
      for (files, field, fields) in cases {
        let response = try await client.submit(Self.body(files), token: secret)
        #expect(response.status == .unprocessableContent, "\(files): \(response.text)")
        #expect(response.errorField == field, "\(files): \(response.text)")
        if let fields {
          #expect((response.json["error"] as? [String: Any])?["fields"] as? [String] == fields)
        }
      }
      // At the caps exactly: taken.
      let response = try await client.submit(
        Self.body(
          #"[{"name":"a","content":"0123456789"},{"name":"b/c","content":""},{"name":"d","content":""}]"#),
        token: secret)
      #expect(response.status == .accepted, "\(response.text)")
    }
  }

  @Test func theProgramReadsItsFilesInItsWorkDirectory() async throws {
    let harness = try ServerHarness()
    let secret = try harness.token()
    // Text, exact bytes (not UTF-8) and a nested module the program imports; then the modes and
    // that the program may write beside them.
    let code = #"""
      import os, stat
      print(open('data.txt').read().strip())
      print(list(open('raw.bin', 'rb').read()))
      from lib import helper
      print(helper.answer())
      print(oct(stat.S_IMODE(os.stat('data.txt').st_mode)), oct(stat.S_IMODE(os.stat('lib').st_mode)))
      open('lib/new.txt', 'w').write('mine')
      print(open('lib/new.txt').read())
      """#
    let body: [String: Any] = [
      "language": "python", "code": code,
      "files": [
        ["name": "data.txt", "content": "hello from a file\n"],
        ["name": "raw.bin", "content_b64": Data([0, 255, 128]).base64EncodedString()],
        ["name": "lib/helper.py", "content": "def answer():\n    return 42\n"],
      ],
    ]
    let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
    try await harness.test { client in
      let response = try await client.submit(text, token: secret, wait: true)
      #expect(response.status == .ok)
      #expect(response.json["status"] as? String == "ok", "\(response.text)")
      #expect(
        response.json["stdout"] as? String == "hello from a file\n[0, 255, 128]\n42\n0o644 0o755\nmine\n",
        "\(response.text)")
    }
  }

  /// The WebSocket's `execute` takes files too (the same parser).
  @Test func aWebSocketExecuteTakesFiles() async throws {
    let messages = try await ServerHarness().webSocket(sending: [
      #"{"type":"execute","language":"python","code":"print(open('n.txt').read())","files":[{"name":"n.txt","content":"ws file"}]}"#
    ])
    let finished = try #require(messages.last)
    #expect(finished.contains(#""status":"ok""#), "\(finished)")
    #expect(finished.contains(#""stdout":"ws file\n""#), "\(finished)")
  }

  /// A job whose program never starts (here the backend refuses a file that would hide a shared
  /// path of the server's sandbox configuration) stores the `ExecutionError` code with its result:
  /// in GET, and in the final SSE event.
  @Test func aJobThatCannotStartStoresItsErrorCode() async throws {
    let directory = NSTemporaryDirectory() + "coderemote-shared-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = FileManager.default.createFile(atPath: directory + "/prices.csv", contents: Data("1,2\n".utf8))
    var sandbox = SandboxConfiguration.default
    sandbox.sharedPaths = [directory + "/prices.csv"]
    let harness = try ServerHarness(sandbox: sandbox)
    let secret = try harness.token()
    try await harness.test { client in
      let response = try await client.submit(
        Self.body(#"[{"name":"prices.csv","content":"mine"}]"#), token: secret, wait: true)
      #expect(response.status == .ok)
      #expect(response.json["status"] as? String == "internal_error")
      #expect(response.json["error_code"] as? String == "invalid_request", "\(response.text)")
      #expect((response.json["message"] as? String)?.contains("prices.csv") == true)
      let id = try #require(response.json["id"] as? String)
      #expect(
        try await client.execution(id, token: secret).json["error_code"] as? String == "invalid_request")
      let events = try await client.events(of: id, token: secret)
      #expect(events.last?.event == "finished")
      #expect(events.last?.data.contains(#""error_code":"invalid_request""#) == true)
    }
  }
}
