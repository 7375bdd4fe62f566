import Foundation
import GRDB
import Glibc
import Testing

/// `coderemote snippets …` as a user (or a script) calls it, on a fresh database per test.
@Suite struct SnippetsCommandTests {
  let scratch: TemporaryFile
  var db: String { scratch.directory.appendingPathComponent("snippets.db").path }

  init() throws {
    scratch = try TemporaryFile(
      "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n", name: "fib.py")
  }

  func snippets(_ arguments: [String], stdin: Data = Data()) throws -> Binary.Outcome {
    try Binary.run(["snippets"] + arguments + ["--db", db], stdin: stdin)
  }

  func json(_ outcome: Binary.Outcome) throws -> Any {
    try JSONSerialization.jsonObject(with: outcome.stdout)
  }

  @Test func saveListShowSearchRemove() throws {
    let saved = try snippets(["save", scratch.path, "--tag", "math", "--tag", "kata"])
    #expect(saved.status == 0 && saved.stderr.isEmpty)
    let id = try #require(Int(saved.text.trimmingCharacters(in: .newlines)))
    let named = try snippets(
      ["save", "-", "--name", "from stdin", "--json"], stdin: Data("print('hi')\n".utf8))
    let object = try #require(try json(named) as? [String: Any])
    #expect(object["name"] as? String == "from stdin" && object["code"] as? String == "print('hi')\n")
    for key in ["id", "uid", "language", "tags", "pinned", "created_at", "updated_at"] {
      #expect(object.keys.contains(key), "missing \(key)")
    }

    let list = try snippets(["list"])
    #expect(list.text.split(separator: "\n").count == 2)
    #expect(list.text.contains("\(id)\tfib\tmath kata\t-\t"))
    let rows = try #require(try json(snippets(["list", "--json"])) as? [[String: Any]])
    #expect(rows.count == 2)
    for key in ["id", "name", "tags", "pinned", "updated_at", "run_count", "last_run_status", "last_run_at"] {
      #expect(rows.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
    }
    #expect(
      try snippets(["show", String(id)]).text == (try String(contentsOfFile: scratch.path, encoding: .utf8)))
    let found = try #require(try json(snippets(["search", "fib", "--json"])) as? [[String: Any]])
    #expect(found.map { $0["id"] as? Int } == [id])
    #expect(try snippets(["search", "\"NEAR(* AND"]).status == 0)

    #expect(try snippets(["rm", String(id)]).status == 0)
    #expect(try snippets(["show", String(id)]).status == 1)
    #expect(try snippets(["search", "fib"]).text.isEmpty)
    #expect(try snippets(["restore", String(id)]).status == 0)
    #expect(try snippets(["search", "fib"]).text.hasPrefix("\(id)\t"))
  }

  @Test func mistakesAreNamed() throws {
    let missing = try snippets(["show", "99"])
    #expect(missing.status == 1 && missing.stderr.contains("no snippet with id 99"))
    #expect(try snippets(["show", "x"]).status == 2)
    #expect(try snippets(["save", "/nonexistent.py"]).status == 2)
    #expect(try snippets(["list", "--sort", "size"]).status == 2)
    #expect(try snippets(["frobnicate"]).status == 2)
    let notADatabase = try snippets(["list"], stdin: Data())
    #expect(notADatabase.status == 0)
  }

  @Test func aDamagedDatabaseIsMovedAsideAndSaid() throws {
    try Data(repeating: 0x42, count: 4_096).write(to: URL(fileURLWithPath: db))
    let outcome = try snippets(["list"])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.contains("could not be read") && outcome.stderr.contains(db + ".damaged-"))
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path)
    #expect(names.contains { $0.hasPrefix("snippets.db.damaged-") })
  }

  @Test func exportThenImportTwiceMakesNoDuplicates() throws {
    #expect(try snippets(["save", scratch.path, "--tag", "math"]).status == 0)
    #expect(
      try snippets(["save", "-", "--name", "Hello, wörld!"], stdin: Data("print(1)\n".utf8)).status == 0)
    let directory = scratch.directory.appendingPathComponent("export").path
    let exported = try snippets(["export", directory])
    #expect(exported.status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    #expect(files.count == 4)
    #expect(files.contains { $0.hasPrefix("hello-wörld-") && $0.hasSuffix(".py") })
    let fib = try #require(files.first { $0.hasPrefix("fib-") && $0.hasSuffix(".py") })
    #expect(
      try String(contentsOfFile: directory + "/" + fib, encoding: .utf8)
        == (try String(contentsOfFile: scratch.path, encoding: .utf8)))
    try "print('plain')\n".write(toFile: directory + "/plain.py", atomically: true, encoding: .utf8)

    let other = scratch.directory.appendingPathComponent("other.db").path
    let first = try Binary.run(["snippets", "import", directory, "--db", other, "--json"])
    let report = try #require(try JSONSerialization.jsonObject(with: first.stdout) as? [String: Any])
    #expect(report["added"] as? Int == 3 && report["unchanged"] as? Int == 0)
    let second = try Binary.run(["snippets", "import", directory, "--db", other])
    #expect(second.text == "0 added, 0 updated, 3 unchanged\n")
    let rows = try #require(
      try JSONSerialization.jsonObject(
        with: Binary.run(["snippets", "list", "--json", "--db", other]).stdout)
        as? [[String: Any]])
    #expect(rows.count == 3)
    // Back into the database it came from: nothing new either.
    #expect(try snippets(["import", directory]).text == "1 added, 0 updated, 2 unchanged\n")
  }

  /// Two shells saving into one database at the same moment: every save lands, none waits forever.
  @Test func twoProcessesWritingAtOnce() throws {
    let perProcess = 15
    let (binary, file, db) = (Binary.path, scratch.path, db)
    let lock = NSLock()
    nonisolated(unsafe) var results: [Binary.Outcome] = []
    DispatchQueue.concurrentPerform(iterations: 2) { process in
      for i in 0..<perProcess {
        let outcome = try? Binary.run(
          ["snippets", "save", file, "--name", "p\(process)-\(i)", "--db", db], executable: binary)
        lock.withLock { results += outcome.map { [$0] } ?? [] }
      }
    }
    #expect(results.count == 2 * perProcess)
    #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr).filter { !$0.isEmpty })")
    let ids = Set(results.compactMap { Int($0.text.trimmingCharacters(in: .newlines)) })
    #expect(ids.count == 2 * perProcess)
    let rows = try #require(try json(snippets(["list", "--json"])) as? [[String: Any]])
    #expect(Set(rows.compactMap { $0["id"] as? Int }) == ids)
  }

  /// `kill -9` at random moments of a loop of saves: the file stays sound and every save that printed
  /// its id (and exited 0) is there.
  @Test func killedMidSaveLosesNothingAcknowledged() throws {
    let started = Date()
    #expect(try snippets(["save", scratch.path, "--name", "warm-up"]).status == 0)
    let typical = Date().timeIntervalSince(started)
    var acknowledged: [Int: String] = [:]
    var killed = 0
    for i in 0..<40 {
      let name = "save-\(i)"
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Binary.path)
      process.arguments = ["snippets", "save", scratch.path, "--name", name, "--db", db]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(useconds_t(Double.random(in: 0...(typical * 1.2)) * 1_000_000))
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      if process.terminationReason == .uncaughtSignal { killed += 1 }
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      if process.terminationReason == .exit && process.terminationStatus == 0,
        let id = Int(text.trimmingCharacters(in: .newlines))
      {
        acknowledged[id] = name
      }
    }
    let queue = try DatabaseQueue(path: db)
    let (check, names) = try queue.read { db in
      (
        try String.fetchAll(db, sql: "PRAGMA integrity_check"),
        Dictionary(
          uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM snippets").map {
            (Int($0["id"] as Int64), $0["name"] as String)
          })
      )
    }
    #expect(check == ["ok"])
    for (id, name) in acknowledged {
      #expect(names[id] == name, "acknowledged save \(id) (\(name)) is missing")
    }
    #expect(!acknowledged.isEmpty)
    print("kill -9 test: \(acknowledged.count) acknowledged, \(killed) killed, \(names.count - 1) rows")
  }
}
