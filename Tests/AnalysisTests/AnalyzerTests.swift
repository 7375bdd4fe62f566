import Execution
import FoundationEssentials
import Sandbox
import Testing

@testable import Analysis

/// The analyser through the real sandbox: what it reads, what it refuses, the contract's shape.
@Suite struct AnalyzerTests {
  let analyzer = ComplexityAnalyzer(backend: LocalBackend(configuration: .default), budgetSeconds: 1)

  @Test func syntaxErrorNamesItsLine() async throws {
    await #expect(throws: AnalysisError.syntax(line: 2, message: "syntax error: invalid syntax")) {
      try await analyzer.analyze("x = 1\ndef f(:\n    pass\n", empirical: false)
    }
  }

  @Test func staticReadingNeverRunsTheCode() async throws {
    // Run, this would print and exit 3 (and loop forever first); read, it is one constant line.
    let code = "while True:\n    pass\nprint('RAN')\nimport os\nos._exit(3)\n"
    let result = try await analyzer.analyze(code, empirical: false)
    #expect(result.sources == ["static"])
    #expect(result.empirical == nil)
    #expect(!result.explanation.contains("RAN"))
  }

  @Test func jsonHasTheContractsKeysAndNullEmpirical() async throws {
    let code =
      "def pairs(arr):\n    c = 0\n    for x in arr:\n        for y in arr:\n            c += x * y\n    return c\n"
    let result = try await analyzer.analyze(code, empirical: false)
    #expect(result.time == "O(n^2)")
    #expect(result.functions.map(\.name) == ["pairs"])
    #expect(result.hotspots.first?.line == 4)
    let json = result.jsonString()
    #expect(json.contains("\"empirical\":null"))
    struct Keys: Decodable {
      var keys: [String]
      struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
      }
      init(from decoder: any Decoder) throws {
        keys = try decoder.container(keyedBy: Key.self).allKeys.map(\.stringValue).sorted()
      }
    }
    let keys = try JSONDecoder().decode(Keys.self, from: Data(json.utf8)).keys
    #expect(
      keys == ["confidence", "empirical", "explanation", "functions", "hotspots", "sources", "space", "time"])
    #expect(try JSONDecoder().decode(AnalysisResult.self, from: Data(json.utf8)) == result)
  }

  @Test func directiveChoosesTheFunctionAndItsInputs() async throws {
    let code = """
      # complexity: scan(list(range(n)), 0)
      def helper(x):
          return x

      def scan(values, start):
          total = start
          for v in values:
              total += v
          return total
      """
    let result = try await analyzer.analyze(code, empirical: true)
    let measured = try #require(result.empirical)
    #expect(measured.function == "scan")
    #expect(measured.sizes.count >= ComplexityFit.minimumPoints)
    #expect(result.sources == ["static", "empirical"])
  }

  @Test func cancellingStopsTheTiming() async throws {
    let slow = ComplexityAnalyzer(backend: LocalBackend(configuration: .default), budgetSeconds: 30)
    let task = Task {
      try await slow.analyze("def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\n", empirical: true)
    }
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
  }

  @Test func disagreementIsSaidPlainly() throws {
    let report = try JSONDecoder().decode(
      StaticReport.self,
      from: Data(
        """
        {"ok": true, "time": "O(n^2)", "space": "O(n)", "confidence": "high", "owner": "build",
         "reason": "string `+=` in a loop", "time_n": "O(n^2)", "notes": [], "candidates": [],
         "hotspots": [{"line": 3, "cost": "O(n^2)", "why": "string `+=` in a loop", "function": "build"}],
         "functions": [{"name": "build", "line": 1, "time": "O(n^2)", "space": "O(n)", "reason": "r",
                        "cyclomatic": 2, "confidence": "high", "time_n": "O(n^2)"}]}
        """.utf8))
    let sizes = (1...12).map { 1 << $0 }
    let timings = Timings(sizes: sizes, seconds: sizes.map { 1e-6 + 1e-8 * Double($0) })
    let fit = try #require(ComplexityFit.fit(sizes: timings.sizes, seconds: timings.seconds))
    let result = AnalysisMerge.result(
      report,
      measured: .init(entry: EntryPoint(function: "build", generators: ["int"]), timings: timings, fit: fit))
    #expect(result.time == "O(n^2)")  // the static bound holds for every input
    #expect(result.confidence == .medium)
    #expect(result.explanation.contains("Static O(n^2); measured O(n) on the inputs tried."))
    #expect(result.empirical?.fit == "O(n)")
  }
}
