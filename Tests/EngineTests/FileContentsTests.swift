import Foundation
import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

@Suite("Whole files and helper processes")
struct FileContentsTests {
  @Test func readsEveryByteAndSaysWhyItCannot() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/data.bin"
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try FileContents.read(path) == bytes)

    #expect(throws: FileContents.Failure(errno: ENOENT)) {
      try FileContents.read(directory.path + "/missing")
    }
    let isDirectory = #expect(throws: FileContents.Failure.self) { try FileContents.read(directory.path) }
    #expect(isDirectory?.isDirectory == true)
    #expect(isDirectory?.description == "Is a directory")
  }

  @Test func readsAPipeToItsEnd() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let message = Array("through a pipe\n".utf8)
    #expect(write(fds[1], message, message.count) == message.count)
    close(fds[1])
    defer { close(fds[0]) }
    #expect(try FileContents.readAll(fds[0]) == message)
  }

  @Test func helperProcessesGetInputGiveOutputAndMeetTheirDeadline() {
    let cat = HelperProcess.run("/bin/cat", [], input: Array("clipboard text".utf8))
    #expect(cat?.exitCode == 0)
    #expect(cat.map { String(decoding: $0.stdout, as: UTF8.self) } == "clipboard text")

    let started = ContinuousClock.now
    let hung = HelperProcess.run("/bin/sleep", ["30"], timeoutMilliseconds: 200)
    #expect(hung != nil && hung?.exitCode == nil)
    #expect(ContinuousClock.now - started < .seconds(5))

    #expect(HelperProcess.run("/nonexistent/tool", []) == nil)
  }
}
