import Execution
import FoundationEssentials

/// One recorded run: the exact code that ran (and its hash, which finds that version again), when it
/// started, and its result with each output stream cut to `RunRecord.outputLimit` bytes.
public struct RunRecord: Sendable, Equatable {
  public var id: Int64
  public var snippetID: Int64?
  public var code: String
  public var codeHash: String
  public var startedAt: Date
  public var result: ExecutionResult

  /// Bytes of stdout and of stderr kept per run: a history of a thousand runs of a chatty program
  /// should cost megabytes, not gigabytes. The truncated flags say when something was cut.
  public static let outputLimit = 64 * 1024

  /// `result` with each stream at most `outputLimit` bytes.
  static func bounded(_ result: ExecutionResult) -> ExecutionResult {
    var kept = result
    if kept.stdout.count > outputLimit {
      kept.stdout = Array(kept.stdout.prefix(outputLimit))
      kept.stdoutTruncated = true
    }
    if kept.stderr.count > outputLimit {
      kept.stderr = Array(kept.stderr.prefix(outputLimit))
      kept.stderrTruncated = true
    }
    return kept
  }
}
