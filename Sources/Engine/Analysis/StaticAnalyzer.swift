import Execution
import FoundationEssentials

/// Reads the program with Python's own parser in the sandbox (`StaticAnalysisScript`); the program
/// itself is never executed.
struct StaticAnalyzer: Sendable {
  let helper: HelperRun

  func analyze(_ code: String) async throws -> StaticReport {
    let output = try await helper.run(script: StaticAnalysisScript.source, input: Array(code.utf8))
    guard output.result.status == .ok else { throw AnalysisError.helperFailed(output.failure) }
    let report: StaticReport
    do {
      report = try JSONDecoder().decode(StaticReport.self, from: Data(output.stdout))
    } catch {
      throw AnalysisError.helperFailed("unreadable answer (\(error))")
    }
    guard report.ok else {
      throw AnalysisError.syntax(
        line: report.line ?? 0, message: report.error ?? "the code could not be read")
    }
    return report
  }
}
