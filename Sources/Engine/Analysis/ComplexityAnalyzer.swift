import Execution

/// The offline analyser: the static reading of the code, then (when asked) a timing of one function,
/// merged into one answer. Every helper runs through the backend handed in, in its sandbox, with the
/// limits given; nothing spawns Python directly.
public struct ComplexityAnalyzer: CodeAnalyzing {
  let helper: HelperRun
  let budgetSeconds: Double

  /// `budgetSeconds` bounds the timing runs (the run's `limits` still apply on top).
  public init(backend: any ExecutionBackend, limits: ExecutionLimits = .defaults, budgetSeconds: Double = 3) {
    helper = HelperRun(backend: backend, limits: limits)
    self.budgetSeconds = budgetSeconds
  }

  public func analyze(_ code: String, empirical: Bool) async throws -> AnalysisResult {
    let report = try await StaticAnalyzer(helper: helper).analyze(code)
    guard empirical else { return AnalysisMerge.result(report, measured: nil) }
    guard let entry = report.directive ?? report.candidates.first else {
      return AnalysisMerge.result(
        report, measured: nil,
        whyNotTimed:
          "no function whose arguments can be made from their names or annotations"
          + " (a `# complexity: func(list)` comment chooses one)")
    }
    let timings: Timings
    do {
      timings = try await EmpiricalAnalyzer(helper: helper, budgetSeconds: budgetSeconds).measure(
        code, entry: entry)
    } catch let error as AnalysisError {
      return AnalysisMerge.result(report, measured: nil, whyNotTimed: error.description)
    }
    guard let fit = ComplexityFit.fit(sizes: timings.sizes, seconds: timings.seconds) else {
      let why = timings.stopped.map { " (\($0))" } ?? ""
      return AnalysisMerge.result(
        report, measured: nil,
        whyNotTimed: "\(entry.function) ran at only \(timings.sizes.count) sizes within the budget\(why)")
    }
    return AnalysisMerge.result(report, measured: .init(entry: entry, timings: timings, fit: fit))
  }
}
