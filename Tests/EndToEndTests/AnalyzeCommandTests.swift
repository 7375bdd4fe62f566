import Foundation
import Testing

/// `coderemote analyze` as a user calls it.
@Suite struct AnalyzeCommandTests {
  static let pairs =
    "def pairs(arr):\n    n = 0\n    for a in arr:\n        for b in arr:\n            n += a < b\n    return n\n"

  @Test func jsonFromStandardInputIsOneAnalysisObject() throws {
    let outcome = try Binary.run(["analyze", "-", "--json", "--no-empirical"], stdin: Data(Self.pairs.utf8))
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    #expect(object["time"] as? String == "O(n^2)")
    #expect(object["space"] as? String == "O(1)")
    #expect(object["sources"] as? [String] == ["static"])
    #expect(object["empirical"] is NSNull)
    let functions = try #require(object["functions"] as? [[String: Any]])
    #expect(functions.first?["name"] as? String == "pairs")
    #expect(functions.first?["line"] as? Int == 1)
  }

  @Test func humanReportMeasuresByDefault() throws {
    let file = try TemporaryFile(Self.pairs)
    let outcome = try Binary.run(["analyze", file.path, "--budget", "1"])
    #expect(outcome.status == 0)
    #expect(outcome.text.hasPrefix("time O(n^2)"))
    #expect(outcome.text.contains("measured pairs(): fits"))
  }

  @Test func syntaxErrorExitsOneWithTheLine() throws {
    let outcome = try Binary.run(["analyze", "-"], stdin: Data("def f(:\n".utf8))
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("line 1: syntax error"))
  }

  @Test func missingFileIsAUsageError() throws {
    let outcome = try Binary.run(["analyze", "/nonexistent/x.py"])
    #expect(outcome.status == 2)
  }
}
