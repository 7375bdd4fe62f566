import Foundation
import Glibc
import Testing

@testable import Execution
@testable import Sandbox
@testable import Settings

/// A request's files (`ExecutionRequest.files`, the server's `files`): names checked, then written
/// beside `main.py` under every layer set this machine has, where the program reads and changes them.
@Suite("A request's files", .serialized)
struct RequestFilesTests {
  typealias Harness = SandboxHarness

  @Test func namesThatLeaveTheWorkDirectoryOrHideTheProgramAreRefused() {
    for bad in [
      "", "/etc/passwd", "../x", "a/../../x", "a/./b", ".", "a//b", "a/", "main.py", "a\u{0}b", "a\nb",
      "a\\b", String(repeating: "n", count: 256), "1/2/3/4/5/6/7/8/9",
    ] {
      #expect(ExecutionFile.nameProblem(bad) != nil, "\(bad.debugDescription)")
    }
    for good in ["data.csv", "lib/util.py", "sub/main.py", ".hidden", "a b.txt", "1/2/3/4/5/6/7/8", "é.txt"] {
      #expect(ExecutionFile.nameProblem(good) == nil, "\(good)")
    }
  }

  @Test func aSetOfFilesMayNotRepeatANameOrUseAFileAsADirectory() {
    func files(_ names: String...) -> [ExecutionFile] { names.map { ExecutionFile(name: $0, contents: []) } }
    #expect(ExecutionFile.conflict(in: files("a", "b/c", "b/d")) == nil)
    #expect(ExecutionFile.conflict(in: files("a", "a"))?.index == 1)
    #expect(ExecutionFile.conflict(in: files("a", "a/b"))?.index == 1)
    #expect(ExecutionFile.conflict(in: files("a/b", "a"))?.index == 1)
    #expect(ExecutionFile.directories(of: files("x/y/z", "x/w", "q")) == ["x", "x/y"])
  }

  @Test func theBackendRefusesWhatItsWorkDirectoryCannotHoldOrAHiddenSharedPath() {
    var request = ExecutionRequest(code: "pass", files: [ExecutionFile(name: "data.csv", contents: [1])])
    #expect(request.filesProblem(sharedNames: []) == nil)
    #expect(request.filesProblem(sharedNames: ["data.csv"])?.contains("shared") == true)
    request.files = [ExecutionFile(name: "big", contents: [UInt8](repeating: 0, count: 9 << 20))]
    request.limits.fileSizeMegabytes = 1  // a 16 MB work dir: at most half of it for files
    #expect(request.filesProblem(sharedNames: [])?.contains("more than half") == true)
    request.files = (0...ExecutionRequest.maximumFileEntries).map {
      ExecutionFile(name: "f\($0)", contents: [])
    }
    #expect(request.filesProblem(sharedNames: [])?.contains("more than") == true)
  }

  @Test func withoutRootBubblewrapMakesTheDirectoriesAndTheFilesFromDescriptors() {
    var command = BubblewrapCommand(
      interpreter: "/usr/bin/python3", limits: .defaults, environment: [:], contents: .descriptor(main: 10))
    command.directories = ["lib"]
    command.files = [(descriptor: 11, name: "lib/util.py")]
    let text = command.arguments.joined(separator: " ")
    #expect(
      text.contains(
        "--perms 0644 --file 10 /sandbox/main.py --perms 0755 --dir /sandbox/lib "
          + "--perms 0644 --file 11 /sandbox/lib/util.py"))
  }

  @Test(arguments: Harness.available)
  func theProgramReadsItsFilesAndMayChangeThem(layers: Harness.LayerSet) throws {
    var configuration = SandboxConfiguration.default
    configuration.namespaces = SandboxConfiguration.NamespaceChoice(rawValue: layers.namespacesSetting)!
    let backend = LocalBackend(configuration: configuration)
    let code = """
      import os, stat
      print(open('notes.txt').read(), end='')
      print(list(open('deep/er/raw.bin', 'rb').read()))
      print(oct(stat.S_IMODE(os.stat('notes.txt').st_mode)), oct(stat.S_IMODE(os.stat('deep/er').st_mode)))
      open('deep/er/new.txt', 'w').write('x')
      open('notes.txt', 'a').write('more')
      print(sorted(os.listdir('.')), sorted(os.listdir('deep/er')))
      """
    let request = ExecutionRequest(
      code: code,
      files: [
        ExecutionFile(name: "notes.txt", contents: Array("hello\n".utf8)),
        ExecutionFile(name: "deep/er/raw.bin", contents: [0, 255, 10]),
      ])
    let result = try backend.runBlocking(request) { _ in }
    let stdout = String(decoding: result.stdout, as: UTF8.self)
    #expect(result.status == .ok, "\(stdout)\(String(decoding: result.stderr, as: UTF8.self))")
    #expect(
      stdout
        == "hello\n[0, 255, 10]\n0o644 0o755\n['deep', 'main.py', 'notes.txt'] ['new.txt', 'raw.bin']\n",
      "\(stdout)")
  }
}
