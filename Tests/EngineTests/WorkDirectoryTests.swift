import Foundation
import Glibc
import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

@Suite("Work directory removal")
struct WorkDirectoryTests {
  @Test("symlinks, FIFOs and unreadable directories are removed without being followed")
  func hostileLeftovers() throws {
    let canary = try Canary()
    let directory = try WorkDirectory()
    let work = directory.workPath
    #expect(symlink(canary.directory, work + "/outside") == 0)
    #expect(symlink("/", work + "/root") == 0)
    #expect(symlink(canary.filePath, work + "/secret") == 0)
    #expect(mkfifo(work + "/fifo", 0o600) == 0)
    #expect(mkdir(work + "/locked", 0o700) == 0)
    #expect(mkdir(work + "/locked/deeper", 0o700) == 0)
    try directory.write(Array("x".utf8), to: work + "/locked/deeper/file")
    #expect(chmod(work + "/locked/deeper", 0) == 0)
    #expect(chmod(work + "/locked", 0o500) == 0)

    #expect(directory.remove() == nil)
    #expect(!FileManager.default.fileExists(atPath: directory.path))
    #expect(FileManager.default.fileExists(atPath: canary.filePath))
  }

  @Test("writing never goes through an existing name")
  func noClobber() throws {
    let directory = try WorkDirectory()
    defer { directory.remove() }
    let canary = try Canary()
    #expect(symlink(canary.filePath, directory.workPath + "/main.py") == 0)
    #expect(throws: WorkDirectoryError.self) {
      try directory.write(Array("evil".utf8), to: directory.workPath + "/main.py")
    }
    #expect(try String(contentsOfFile: canary.filePath, encoding: .utf8) == canary.secret)
  }
}
