import Execution

/// What a background analysis tells the UI, tagged with the request it answers: an answer to an
/// older request (superseded or cancelled since) is dropped.
public struct AnalysisOutcome: Sendable {
  public enum Kind: Sendable {
    case analysed(AnalysisResult, fromCache: Bool)
    case failed(String)
    /// Opening: the cache had nothing for this code.
    case nothingCached
    /// The result stands, but the cache could not be read or written.
    case cacheFailed(String)
  }

  var request: Int
  var kind: Kind
}
