import Execution

/// Where analyses are kept between sessions, by the exact code they describe, so a reopened
/// program shows its last analysis at once. The executable adapts the snippet store to it (the TUI
/// does not link the store); calls come from background tasks, never the UI thread.
public protocol AnalysisCache: Sendable {
  /// The last full analysis of exactly this code, or nil.
  func analysis(of code: String) throws -> AnalysisResult?
  func keep(_ result: AnalysisResult, of code: String) throws
}
