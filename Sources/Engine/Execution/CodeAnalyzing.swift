/// Anything that can analyse code: the offline analyser, later a server or a model. The TUI gets one
/// handed in by the executable.
public protocol CodeAnalyzing: Sendable {
  /// Analyses `code`; with `empirical`, also times it (in the sandbox). Throws `AnalysisError`
  /// when there is nothing to analyse (a syntax error) or the helper could not run. Cancelling the
  /// calling task stops the timing runs.
  func analyze(_ code: String, empirical: Bool) async throws -> AnalysisResult
}
