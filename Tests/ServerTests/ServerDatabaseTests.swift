import Foundation
import Store
import Testing

/// The server's file is opened like the snippet store's (DatabaseOpener): damage is moved aside,
/// and neither schema takes the other's file.
@Suite struct ServerDatabaseTests {
  func directory() throws -> String {
    let directory = NSTemporaryDirectory() + "coderemote-serverdb-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test func aFileThatIsNotADatabaseIsMovedAsideAndAFreshOneWorks() async throws {
    let directory = try directory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/server.sqlite"
    let garbage = Data(repeating: 0x5A, count: 8192)
    try garbage.write(to: URL(fileURLWithPath: path))
    let database = try ServerDatabase(path: path)
    let moved = try #require(database.movedAside)
    #expect(moved.movedTo.hasPrefix(path + ".damaged-"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: moved.movedTo)) == garbage)
    let job = QueuedJob(id: "j", owner: nil, state: .queued, request: Array("{}".utf8), createdAt: 1)
    #expect(try await database.jobs.submit(job, capacity: 1))
    #expect(try await database.jobs.claim(at: 2)?.id == "j")
  }

  @Test func theServerAndTheSnippetStoreRefuseEachOthersFiles() throws {
    let directory = try directory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let serverPath = directory + "/server.sqlite"
    let snippetsPath = directory + "/coderemote.db"
    _ = try ServerDatabase(path: serverPath)
    _ = try SnippetStore.open(path: snippetsPath)
    // Each is the other program's file to the other, not a newer version of its own.
    let asSnippets = #expect(throws: StoreError.self) { try SnippetStore.open(path: serverPath) }
    #expect(asSnippets?.description.contains("another program") == true)
    let asServer = #expect(throws: StoreError.self) { try ServerDatabase(path: snippetsPath) }
    #expect(asServer?.description.contains("another program") == true)
    // Refused, not moved aside: both files are still where they were, and still open as their own.
    #expect(try ServerDatabase(path: serverPath).movedAside == nil)
    #expect(try SnippetStore.open(path: snippetsPath).movedAside == nil)
  }
}
