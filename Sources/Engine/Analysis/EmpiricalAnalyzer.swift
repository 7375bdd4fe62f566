import Execution
import FoundationEssentials

/// Times one function in the sandbox at doubling sizes (`EmpiricalHarnessScript`), the same sandbox
/// and limits as a normal run. The budget is the harness's; the run's own limits still apply.
struct EmpiricalAnalyzer: Sendable {
  let helper: HelperRun
  var budgetSeconds: Double

  private struct Request: Encodable {
    var code: String
    var function: String
    var generators: [String]
    var budget: Double
    var wallBudget: Double
    var nonce: String

    enum CodingKeys: String, CodingKey {
      case code, function, generators, budget, nonce
      case wallBudget = "wall_budget"
    }
  }

  /// The timings, or `AnalysisError.helperFailed` saying why there are none.
  func measure(_ code: String, entry: EntryPoint) async throws -> Timings {
    // The budget is CPU time, so a loaded machine slows the analysis down rather than cutting its
    // series short; wall time is bounded too. Both leave the run's own limits room for start-up and
    // the last size.
    let limit = Double(min(helper.limits.wallMilliseconds, helper.limits.cpuMilliseconds)) / 1_000
    let budget = min(budgetSeconds, limit * 0.6)
    let wallBudget = max(budget, Double(helper.limits.wallMilliseconds) / 1_000 * 0.6)
    let nonce = "@timings-" + String(UInt64.random(in: .min ... .max), radix: 16) + "@"
    let request = Request(
      code: code, function: entry.function, generators: entry.generators, budget: budget,
      wallBudget: wallBudget, nonce: nonce)
    let input = try JSONEncoder().encode(request)
    let output = try await helper.run(script: EmpiricalHarnessScript.source, input: Array(input))
    // The answer is the line after the nonce; the program's own output cannot forge it.
    guard let line = output.stdoutText.split(separator: "\n").last(where: { $0.hasPrefix(nonce) }) else {
      throw AnalysisError.helperFailed("timing \(entry.function) gave no answer (\(output.failure))")
    }
    let timings: Timings
    do {
      timings = try JSONDecoder().decode(Timings.self, from: Data(line.dropFirst(nonce.count).utf8))
    } catch {
      throw AnalysisError.helperFailed("unreadable timings (\(error))")
    }
    if let error = timings.error { throw AnalysisError.helperFailed(error) }
    return timings
  }
}
