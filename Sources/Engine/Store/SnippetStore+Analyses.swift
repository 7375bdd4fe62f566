import FoundationEssentials
import GRDB

/// A cache of analyses (complexity and the like) of one version of the code, by its `CodeHash` and
/// the kind of analysis. The results are opaque text (JSON) to the store.
extension SnippetStore {
  public func cachedAnalysis(codeHash: String, kind: String) throws(StoreError) -> String? {
    try read { db in
      try String.fetchOne(
        db, sql: "SELECT result FROM analyses WHERE code_hash = ? AND kind = ?", arguments: [codeHash, kind])
    }
  }

  public func cacheAnalysis(_ result: String, codeHash: String, kind: String, now: Date = Date())
    throws(StoreError)
  {
    try write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO analyses (code_hash, kind, result, created_at) VALUES (?, ?, ?, ?)",
        arguments: [codeHash, kind, result, now.timeIntervalSince1970])
    }
  }
}
