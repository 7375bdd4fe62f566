import Execution
import Foundation
import Store
import TUI
import Testing

@testable import coderemote

/// The editor's analysis cache over a real SQLite file.
@Suite("Analysis cache")
struct StoreAnalysisCacheTests {
  static let result = AnalysisResult(
    time: "O(n^2)", space: "O(1)", confidence: .high, sources: ["static", "empirical"],
    functions: [
      .init(name: "pairs", line: 1, time: "O(n^2)", space: "O(1)", reason: "nested loops", cyclomatic: 4)
    ],
    hotspots: [.init(line: 4, cost: "O(n^2)", why: "loop inside a loop over items")],
    empirical: .init(
      function: "pairs", sizes: [64, 128, 256], seconds: [0.0002, 0.0008, 0.0031], fit: "O(n^2)", r2: 0.999,
      peakKilobytes: [1, nil, 2]),
    explanation: "Static: O(n^2) time.")

  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "analysis-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func aKeptAnalysisIsFoundAgainAfterReopening() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("coderemote.db").path
    let code = "def pairs(items):\n    pass\n"
    try StoreAnalysisCache(path: path).keep(Self.result, of: code)
    let reopened = StoreAnalysisCache(path: path)
    #expect(try reopened.analysis(of: code) == Self.result)
    #expect(try reopened.analysis(of: code + " ") == nil)
    var newer = Self.result
    newer.time = "O(n)"
    try reopened.keep(newer, of: code)
    #expect(try StoreAnalysisCache(path: path).analysis(of: code) == newer)
  }

  @Test func aRowThatDoesNotDecodeCountsAsAbsent() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("coderemote.db").path
    let store = try SnippetStore.open(path: path)
    try store.cacheAnalysis("{not json", codeHash: CodeHash.of("x = 1\n"), kind: StoreAnalysisCache.kind)
    #expect(try StoreAnalysisCache(path: path).analysis(of: "x = 1\n") == nil)
  }

  @Test func aDatabaseThatCannotOpenThrows() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A directory where the file should be.
    let path = directory.path
    #expect(throws: (any Error).self) { try StoreAnalysisCache(path: path).analysis(of: "x = 1\n") }
  }
}
