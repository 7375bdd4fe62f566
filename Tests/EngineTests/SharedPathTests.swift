import Foundation
import Glibc
import Testing

@testable import Sandbox

/// `run --with PATH` under every layer set this machine has: a shared file or directory is seen
/// beside the program, read-only; a link pointing out leads nowhere on the host; `/`, the home
/// directory and its parents are refused, as are links named directly.
@Suite("Files beside the program", .serialized)
struct SharedPathTests {
  typealias Harness = SandboxHarness

  /// A directory with `data.csv`, a `project` directory holding `notes.txt` and a link to a
  /// secret outside it, and the secret.
  final class Fixture {
    let root = try! TemporaryDirectory()
    var data: String { root.path + "/data.csv" }
    var project: String { root.path + "/project" }
    var secret: String { root.path + "/secret.txt" }

    init() throws {
      try "a,b\n1,2\n".write(toFile: data, atomically: false, encoding: .utf8)
      try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: false)
      try "inside\n".write(toFile: project + "/notes.txt", atomically: false, encoding: .utf8)
      try "SECRET-\(UUID().uuidString)\n".write(toFile: secret, atomically: false, encoding: .utf8)
      try FileManager.default.createSymbolicLink(atPath: project + "/leak", withDestinationPath: secret)
      // Writable by anyone on the host: only the read-only mount may stop the program writing.
      for (path, mode) in [(data, 0o666), (project, 0o777), (project + "/notes.txt", 0o666)] {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
      }
    }
  }

  @Test(arguments: Harness.available)
  func aSharedFileIsReadableBesideTheProgramAndTheOriginalUnchanged(layers: Harness.LayerSet) async throws {
    let fixture = try Fixture()
    let code = """
      print(open('data.csv').read(), end='')
      try:
          with open('data.csv', 'a') as f:
              f.write('changed')
          print('wrote')
      except OSError as error:
          print('refused', error.errno)
      """
    let run = try await Harness.run(code, layers: layers, arguments: ["--with", fixture.data])
    #expect(run.result.status == .ok, "\(run.output)")
    #expect(run.stdout.hasPrefix("a,b\n1,2\n"), "\(run.output)")
    if layers.hasNamespaces {
      #expect(run.stdout.contains("refused 30"), "a read-only bind (EROFS) was expected: \(run.output)")
    }
    // Whatever the program did to what it saw, the host's file is as it was.
    #expect(try String(contentsOfFile: fixture.data, encoding: .utf8) == "a,b\n1,2\n")
  }

  @Test(arguments: Harness.available.filter(\.hasNamespaces))
  func aSharedDirectoryIsReadOnlyAndItsLinksLeadNowhereOnTheHost(layers: Harness.LayerSet) async throws {
    let fixture = try Fixture()
    let code = """
      import os
      print(sorted(os.listdir('project')))
      print(open('project/notes.txt').read(), end='')
      try:
          print(open('project/leak').read())
      except OSError as error:
          print('leak unreadable', error.errno)
      for attempt in ('project/new.txt', 'project/notes.txt'):
          try:
              open(attempt, 'a').write('x')
              print('wrote', attempt)
          except OSError as error:
              print('refused', error.errno)
      """
    let run = try await Harness.run(code, layers: layers, arguments: ["--with", fixture.project])
    #expect(run.result.status == .ok, "\(run.output)")
    let secret = try String(contentsOfFile: fixture.secret, encoding: .utf8)
    #expect(
      !run.output.contains(secret.trimmingCharacters(in: .newlines)),
      "the link reached the host: \(run.output)")
    #expect(run.stdout.contains("['leak', 'notes.txt']"), "\(run.output)")
    #expect(run.stdout.contains("inside\n"))
    #expect(run.stdout.contains("leak unreadable 2"), "\(run.output)")
    #expect(!run.stdout.contains("wrote"), "\(run.output)")
    #expect(run.stdout.components(separatedBy: "refused 30").count == 3, "EROFS twice: \(run.output)")
    #expect(!FileManager.default.fileExists(atPath: fixture.project + "/new.txt"))
    #expect(try String(contentsOfFile: fixture.project + "/notes.txt", encoding: .utf8) == "inside\n")
  }

  @Test func withoutNamespacesADirectoryIsRefused() async throws {
    let fixture = try Fixture()
    let outcome = try await Self.runRefused(["--with", fixture.project], layers: .rlimits)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("share its files one by one"), "\(outcome.stderr)")
  }

  @Test(arguments: Harness.available)
  func theRootTheHomeAndItsParentsAndLinksAreRefused(layers: Harness.LayerSet) async throws {
    let fixture = try Fixture()
    let home = fixture.root.path + "/home/user"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let link = fixture.root.path + "/link.csv"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.secret)
    for (path, message) in [
      ("/", "the root directory is never shared"), (home, "the home directory itself"),
      (fixture.root.path + "/home", "it holds the home directory"), (link, "symbolic link"),
      (fixture.root.path + "/missing", "No such file"),
    ] {
      let outcome = try await Self.runRefused(["--with", path], layers: layers, home: home)
      #expect(outcome.status == 1, "\(path): \(outcome.stderr)")
      #expect(outcome.stderr.contains(message), "\(path): \(outcome.stderr)")
      #expect(!outcome.stdout.contains("ran"), "\(path) ran the program")
    }
  }

  @Test func refusalsAreDecidedOnResolvedPaths() {
    let homes = ["/home/ada"]
    #expect(SharedPath.refusal("/", homes: homes) != nil)
    #expect(SharedPath.refusal("/home", homes: homes) != nil)
    #expect(SharedPath.refusal("/home/ada", homes: homes) != nil)
    #expect(SharedPath.refusal("/home/ada/project", homes: homes) == nil)
    #expect(SharedPath.refusal("/home/adam", homes: homes) == nil)
    #expect(SharedPath.refusal("/srv/data", homes: homes) == nil)
  }

  @Test func namesMustNotCollide() throws {
    let fixture = try Fixture()
    let other = try TemporaryDirectory()
    try "x".write(toFile: other.path + "/data.csv", atomically: false, encoding: .utf8)
    try "x".write(toFile: other.path + "/main.py", atomically: false, encoding: .utf8)
    #expect(throws: SharedPathError.self) {
      try SharedPath.resolve([fixture.data, other.path + "/data.csv"], homes: [])
    }
    #expect(throws: SharedPathError.self) { try SharedPath.resolve([other.path + "/main.py"], homes: []) }
    let resolved = try SharedPath.resolve([fixture.data, fixture.project], homes: [])
    #expect(resolved.map(\.name) == ["data.csv", "project"])
    #expect(resolved.map(\.isDirectory) == [false, true])
  }

  /// `coderemote run` on a program that prints "ran", with a private config for `layers`; the
  /// waiting happens on a thread of its own, off Swift's cooperative pool.
  static func runRefused(_ arguments: [String], layers: Harness.LayerSet, home: String? = nil) async throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    let result = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(returning: Result { try runBlocking(arguments, layers: layers, home: home) })
      }.start()
    }
    return try result.get()
  }

  private static func runBlocking(_ arguments: [String], layers: Harness.LayerSet, home: String? = nil) throws
    -> (
      status: Int32, stdout: String, stderr: String
    )
  {
    let scratch = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/config/coderemote", withIntermediateDirectories: true)
    try "[sandbox]\nnamespaces = \"\(layers.namespacesSetting)\"\n".write(
      toFile: scratch.path + "/config/coderemote/config.toml", atomically: false, encoding: .utf8)
    try "print('ran')\n".write(toFile: scratch.path + "/program.py", atomically: false, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Harness.binary)
    process.arguments = ["run"] + arguments + [scratch.path + "/program.py"]
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = scratch.path + "/config"
    if let home { environment["HOME"] = home }
    process.environment = environment
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)
    )
  }
}
