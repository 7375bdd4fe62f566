import Foundation
import Testing

/// Text snapshots of rendered screens, stored beside the tests in __Snapshots__/NAME.txt.
/// Run with SNAPSHOT_RECORD=1 to write them anew (then review the diff before committing).
enum Snapshot {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")

  static var recording: Bool { ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" }

  static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let file = directory.appendingPathComponent(name + ".txt")
    let stored = try? String(contentsOf: file, encoding: .utf8)
    if recording || stored == nil {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
      if !recording {
        Issue.record(
          "no snapshot \(name) existed; recorded it — review and run again", sourceLocation: sourceLocation)
      }
      return
    }
    let expected = String(stored!.dropLast())
    if expected != actual {
      Issue.record(
        "snapshot \(name) differs (SNAPSHOT_RECORD=1 re-records):\n\(diff(expected, actual))",
        sourceLocation: sourceLocation)
    }
  }

  /// Line-by-line differences, for a readable failure.
  static func diff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for i in 0..<max(a.count, b.count) {
      let left = i < a.count ? String(a[i]) : "<none>"
      let right = i < b.count ? String(b[i]) : "<none>"
      if left != right { lines += ["line \(i + 1):", "  - \(left)", "  + \(right)"] }
    }
    return lines.joined(separator: "\n")
  }
}
