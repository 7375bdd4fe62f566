import Foundation
import GRDB
import Testing

@testable import Store

@Suite("Nothing lost: damaged files, unreadable paths, a full disk")
struct RecoveryTests {
  @Test("a file that is not a database is moved aside with a timestamp and a fresh one started")
  func garbage() throws {
    let database = try TemporaryDatabase()
    let garbage = Data((0..<8_192).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })
    try garbage.write(to: URL(fileURLWithPath: database.path))
    let store = try database.open()
    let moved = try #require(store.movedAside)
    #expect(moved.originalPath == database.path)
    #expect(moved.movedTo.hasPrefix(database.path + ".damaged-20"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: moved.movedTo)) == garbage)
    #expect(moved.description.contains(moved.movedTo))
    #expect(try store.count() == 0)
    try store.save(NewSnippet(name: "after", code: "1"))
    // The next open finds a good database and moves nothing.
    #expect(try database.open().movedAside == nil)
  }

  @Test("a database whose schema page is damaged is moved aside whole, with its log")
  func damagedSchema() throws {
    let database = try TemporaryDatabase()
    do {
      let store = try database.open()
      for i in 0..<50 {
        try store.save(NewSnippet(name: "s\(i)", code: String(repeating: "x = \(i)\n", count: 50)))
      }
    }
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database.path))
    try handle.seek(toOffset: 100)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 3_000))
    try handle.close()
    let damaged = try Data(contentsOf: URL(fileURLWithPath: database.path))
    let store = try database.open()
    let moved = try #require(store.movedAside)
    #expect(try Data(contentsOf: URL(fileURLWithPath: moved.movedTo)) == damaged)
    #expect(try store.count() == 0)
  }

  @Test("two files moved aside in the same second do not overwrite each other")
  func sameSecond() throws {
    let database = try TemporaryDatabase()
    let now = Date()
    try Data("one".utf8).write(to: URL(fileURLWithPath: database.path))
    let first = try MovedAside.move(database.path, reason: "test", now: now)
    try Data("two".utf8).write(to: URL(fileURLWithPath: database.path))
    let second = try MovedAside.move(database.path, reason: "test", now: now)
    #expect(second.movedTo == first.movedTo + "-1")
    #expect(try String(contentsOfFile: first.movedTo, encoding: .utf8) == "one")
    #expect(try String(contentsOfFile: second.movedTo, encoding: .utf8) == "two")
  }

  @Test("a path that cannot be a database is an error and nothing is moved")
  func unreadable() throws {
    let database = try TemporaryDatabase()
    try FileManager.default.createDirectory(atPath: database.path, withIntermediateDirectories: false)
    #expect {
      try database.open()
    } throws: { error in
      guard case .cannotOpen(let path, _) = error as? StoreError else { return false }
      return path == database.path
    }
    #expect(try database.files() == ["coderemote.db"])
  }

  @Test("timestamps are UTC and sortable")
  func timestamp() {
    #expect(MovedAside.timestamp(Date(timeIntervalSince1970: 1_796_000_000)) == "20261130-005320")
  }

  /// A real full disk: a 512 KiB tmpfs. Needs root to mount.
  @Test("a full disk is an error saying so; what was saved before stays", .enabled(if: getuid() == 0))
  func fullDisk() throws {
    let database = try TemporaryDatabase()
    #expect(mount("tmpfs", database.directory, "tmpfs", 0, "size=512k") == 0)
    defer { umount2(database.directory, Int32(MNT_DETACH)) }
    let store = try database.open()
    var saved: [Int64] = []
    var failure: StoreError?
    for i in 0..<200 {
      do {
        saved.append(
          try store.save(NewSnippet(name: "big \(i)", code: String(repeating: "\(i) ", count: 4_000))).id)
      } catch {
        failure = error
        break
      }
    }
    #expect(failure == .diskFull(path: database.path))
    #expect(failure?.description.contains("full") == true)
    #expect(!saved.isEmpty)
    for id in saved { #expect(try store.snippet(id) != nil) }
  }
}
