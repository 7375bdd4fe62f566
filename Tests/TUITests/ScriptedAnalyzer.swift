import Execution
import Glibc
import Processes
import Synchronization

@testable import TUI

/// An analyser that answers with a fixed outcome, for the TUI's own logic (the real analyser is
/// tested in AnalysisTests). Its first `holding` calls wait until they are cancelled, and say so.
final class ScriptedAnalyzer: CodeAnalyzing {
  let outcome: Result<AnalysisResult, AnalysisError>
  let holding: Int
  let calls = Mutex<[String]>([])
  let cancelled: AsyncStream<Void>
  private let cancelledContinuation: AsyncStream<Void>.Continuation

  init(_ outcome: Result<AnalysisResult, AnalysisError>, holding: Int = 0) {
    self.outcome = outcome
    self.holding = holding
    (cancelled, cancelledContinuation) = AsyncStream.makeStream()
  }

  func analyze(_ code: String, empirical: Bool) async throws -> AnalysisResult {
    let call = calls.withLock { calls in
      calls.append(code)
      return calls.count
    }
    if call <= holding {
      do {
        try await Task.sleep(for: .seconds(600))
      } catch {
        cancelledContinuation.yield()
        throw error
      }
    }
    return try outcome.get()
  }
}

/// A cache in memory (the SQLite one is tested in CodeRemoteTests over a real file); `failing`
/// makes every call throw.
final class MemoryCache: AnalysisCache {
  struct Broken: Error, CustomStringConvertible {
    var description: String { "disk I/O error" }
  }

  let entries = Mutex<[String: AnalysisResult]>([:])
  let failing: Bool

  init(_ entries: [String: AnalysisResult] = [:], failing: Bool = false) {
    self.entries.withLock { $0 = entries }
    self.failing = failing
  }

  func analysis(of code: String) throws -> AnalysisResult? {
    if failing { throw Broken() }
    return entries.withLock { $0[code] }
  }

  func keep(_ result: AnalysisResult, of code: String) throws {
    if failing { throw Broken() }
    entries.withLock { $0[code] = result }
  }
}

extension App {
  /// Waits until the analysis in flight has answered, applying what is posted as the app loop does.
  func settleAnalysis() async {
    while analysis.isAnalysing {
      guard await applyNextPost() else { return }
    }
  }

  /// Waits for the inbox's next post (`waitForPost`: no fixed limit, see there) and applies it.
  @discardableResult
  func applyNextPost() async -> Bool {
    let woke = await waitForPost()
    if woke { drainInbox() }
    return woke
  }
}
