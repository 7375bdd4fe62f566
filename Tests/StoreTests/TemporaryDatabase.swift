import Foundation

@testable import Store

/// A fresh directory per test, removed afterwards, with the database path inside it.
final class TemporaryDatabase {
  let directory: String
  var path: String { directory + "/coderemote.db" }

  init() throws {
    directory = NSTemporaryDirectory() + "coderemote-store-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  func open() throws -> SnippetStore { try SnippetStore.open(path: path) }

  /// The names of the files in the directory, sorted.
  func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }

  deinit { try? FileManager.default.removeItem(atPath: directory) }
}
