import Execution
import FoundationEssentials
import Store
import Synchronization
import TUI

/// The editor's analysis cache in the snippet database: results as JSON under the code's SHA-256
/// and the kind `complexity`. The database opens on first use, off the UI thread, so the editor
/// starts without paying for it.
final class StoreAnalysisCache: AnalysisCache {
  static let kind = "complexity"
  private let path: String
  private let store = Mutex<SnippetStore?>(nil)

  init(path: String) { self.path = path }

  func analysis(of code: String) throws -> AnalysisResult? {
    guard let json = try opened().cachedAnalysis(codeHash: CodeHash.of(code), kind: Self.kind) else {
      return nil
    }
    // A row this version cannot read (another shape, damage) is treated as absent: it is rewritten
    // by the next analysis.
    return try? JSONDecoder().decode(AnalysisResult.self, from: Data(json.utf8))
  }

  func keep(_ result: AnalysisResult, of code: String) throws {
    try opened().cacheAnalysis(result.jsonString(), codeHash: CodeHash.of(code), kind: Self.kind)
  }

  private func opened() throws -> SnippetStore {
    try store.withLock { store in
      if let store { return store }
      let opened = try SnippetStore.open(path: path)
      store = opened
      return opened
    }
  }
}
