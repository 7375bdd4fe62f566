import Foundation
import Testing

/// The analysis pane in the real binary, in a real terminal: F7 analyses nested loops with the
/// real analyser in the sandbox, and the SQLite cache shows the answer again on reopening.
@Suite(.serialized) struct AnalysisPaneSessionTests {
  static let nestedLoops = """
    def count_equal(xs):
        same = 0
        for i in range(len(xs)):
            for j in range(i):
                if xs[i] == xs[j]:
                    same += 1
        return same


    print(count_equal([3, 1, 3]))

    """

  /// The analysis pane's rows: right of the separator, below the Analysis title.
  static func analysisPane(_ screen: String) -> [String] {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    let right = rows.map { row in row.firstIndex(of: "│").map { String(row[row.index(after: $0)...]) } ?? "" }
    guard let start = right.firstIndex(where: { $0.hasPrefix(" Analysis") }) else { return [] }
    return Array(right[start...])
  }

  @Test func f7ShowsQuadraticAndAReopenedFileShowsItFromTheCache() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "analysis-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("pairs.py").path
    try Self.nestedLoops.write(toFile: file, atomically: true, encoding: .utf8)
    // A database of its own, so nothing another test cached is found.
    let command = "XDG_DATA_HOME=\(directory.path) \(Binary.path) \(file)"

    let tmux = try TmuxSession(width: 120, height: 40)
    try tmux.type(command + "; echo exited-$?")
    try tmux.press("Enter")
    // The analysis pane is hidden until there is something to show.
    try tmux.waitFor { $0.contains("pairs.py") && $0.contains("Press F5") && !$0.contains("Analysis") }
    try tmux.press("F7")
    let analysed = try tmux.waitFor(timeout: 30) { Self.analysisPane($0).joined().contains("O(n^2)  time") }
    let pane = Self.analysisPane(analysed).joined(separator: "\n")
    #expect(pane.contains("count_equal"), "pane:\n\(pane)")
    #expect(!pane.contains("from cache"))
    // The hot lines are marked in the gutter: the inner loop is line 4.
    let editorRows = analysed.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(editorRows.contains { $0.hasPrefix("  4▲") }, "screen:\n\(analysed)")
    try tmux.press("C-q")
    try tmux.waitFor { $0.contains("exited-0") }

    try tmux.type(command + "; echo exited-$?")
    try tmux.press("Enter")
    let reopened = try tmux.waitFor { Self.analysisPane($0).first?.contains("from cache") == true }
    #expect(Self.analysisPane(reopened).joined().contains("O(n^2)  time"), "screen:\n\(reopened)")
    try tmux.press("C-q")
    try tmux.waitFor { $0.contains("exited-0") }
  }

  @Test func ctrlCCancelsAnAnalysisWhileItTimes() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "analysis-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try TmuxSession(width: 120, height: 40)
    try tmux.type("XDG_DATA_HOME=\(directory.path) \(Binary.path); echo exited-$?")
    try tmux.press("Enter")
    try tmux.waitFor { $0.contains("Press F5") }
    try tmux.type("def slow(n: int):\nfor i in range(n):\nfor j in range(n):\npass")
    try tmux.press("F7")
    try tmux.waitFor { $0.contains("Analysis · analysing…") }
    try tmux.press("C-c")
    let screen = try tmux.waitFor { $0.contains("Analysis cancelled (Ctrl-C).") }
    #expect(screen.contains("Analysis · cancelled"))
    try tmux.press("C-q", "C-q")
    try tmux.waitFor { $0.contains("exited-0") }
  }
}
