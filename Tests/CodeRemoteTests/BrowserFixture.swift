import Execution
import Foundation
import Sandbox
import Store

@testable import TUI
@testable import coderemote

/// A real snippet database in a temporary directory, the adapter over it, and an editor with both
/// attached: what the browser tests drive. Times are fixed so ages print the same every run.
final class BrowserFixture {
  let directory = NSTemporaryDirectory() + "coderemote-browser-" + UUID().uuidString
  var path: String { directory + "/coderemote.db" }
  let store: SnippetStore
  let library: StoreLibrary
  static let now = Date(timeIntervalSince1970: 1_796_000_000)

  init() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    store = try SnippetStore.open(path: directory + "/coderemote.db")
    library = StoreLibrary(store)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// Saves a snippet changed `age` seconds before `now`.
  @discardableResult
  func save(_ name: String, _ code: String, tags: [String] = [], age: Double = 60, pinned: Bool = false)
    throws
    -> Int64
  {
    try store.save(
      NewSnippet(name: name, code: code, tags: tags, pinned: pinned), now: Self.now.addingTimeInterval(-age)
    ).id
  }

  func recordRun(_ id: Int64, code: String, status: ExecutionStatus, age: Double, wall: Double = 31) throws {
    try store.recordRun(
      snippetID: id, code: code,
      result: ExecutionResult(
        id: "r", status: status, exitCode: status == .ok ? 0 : 1, wallMilliseconds: wall, isolation: "none",
        limits: .defaults),
      startedAt: Self.now.addingTimeInterval(-age))
  }

  func browser(order: CatalogOrder = .recent) -> SnippetBrowser {
    var browser = SnippetBrowser(catalog: library, order: order)
    browser.now = { Self.now }
    return browser
  }

  /// An editor on this database, as `coderemote` starts one.
  func app() -> App {
    let app = App(backend: LocalBackend())
    app.attach(library)
    app.attachCatalog(library)
    app.library?.date = { Self.now }
    return app
  }

  /// The usual corpus: five snippets, two runs, a pin.
  func corpus() throws -> [String: Int64] {
    var ids: [String: Int64] = [:]
    ids["fib"] = try save(
      "fib", "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n", tags: ["math", "kata"],
      age: 3_600)
    ids["quick sort"] = try save(
      "quick sort", "def quicksort(xs):\n    return sorted(xs)\n", tags: ["sort"], age: 120)
    ids["parse json"] = try save(
      "parse json", "import json\nprint(json.loads('{\"a\": 1}'))\n", tags: ["io", "json"], age: 30)
    ids["hello"] = try save("hello", "print('hello')\n", age: 86_400 * 3, pinned: true)
    ids["primes"] = try save(
      "primes", "def sieve(n):\n    # the fibonacci of primes\n    return [p for p in range(2, n)]\n",
      tags: ["math"], age: 600)
    try recordRun(ids["fib"]!, code: "def fib(n):\n    return n\n", status: .ok, age: 1_800)
    try recordRun(
      ids["fib"]!, code: "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n", status: .error,
      age: 900, wall: 1_234)
    return ids
  }
}

/// Text snapshots of the browser, in __Snapshots__ beside these tests (SNAPSHOT_RECORD=1 re-records).
enum BrowserSnapshot {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")

  static func matches(_ actual: String, named name: String) -> (ok: Bool, detail: String) {
    let file = directory.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
      return (true, "")
    }
    guard let stored = try? String(contentsOf: file, encoding: .utf8) else {
      return (false, "no snapshot \(name): run with SNAPSHOT_RECORD=1, review it, commit it")
    }
    let expected = String(stored.dropLast())
    return (expected == actual, "snapshot \(name) differs (SNAPSHOT_RECORD=1 re-records):\n\(actual)")
  }
}
