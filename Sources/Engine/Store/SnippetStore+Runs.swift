import Execution
import FoundationEssentials
import GRDB

/// The run history: every run with its result, linked to the snippet and the code that ran.
extension SnippetStore {
  /// Records a finished run of `code` (of snippet `snippetID`, if it was one) and updates the
  /// snippet's run count and last status in the same transaction.
  @discardableResult
  public func recordRun(snippetID: Int64?, code: String, result: ExecutionResult, startedAt: Date)
    throws(StoreError) -> RunRecord
  {
    let kept = RunRecord.bounded(result)
    var record = RunRecord(
      id: 0, snippetID: snippetID, code: code, codeHash: CodeHash.of(code), startedAt: startedAt, result: kept
    )
    let json = kept.jsonString()
    record.id = try write { db in
      if let snippetID {
        try db.execute(
          sql: """
            UPDATE snippets SET run_count = run_count + 1, last_run_status = ?, last_run_at = ?
            WHERE id = ?
            """, arguments: [kept.status.rawValue, startedAt.timeIntervalSince1970, snippetID])
        if db.changesCount == 0 { throw StoreError.noSuchSnippet(snippetID) }
      }
      try db.execute(
        sql:
          "INSERT INTO runs (snippet_id, code, code_hash, status, started_at, result) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [
          snippetID, code, record.codeHash, kept.status.rawValue, startedAt.timeIntervalSince1970, json,
        ])
      return db.lastInsertedRowID
    }
    return record
  }

  /// The runs of a snippet, newest first.
  public func runs(of snippetID: Int64, limit: Int = 100) throws(StoreError) -> [RunRecord] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM runs WHERE snippet_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
        arguments: [snippetID, limit]
      ).map { row in try RunRecord(row: row) }
    }
  }

  /// One recorded run, to reopen or diff the version of the code it ran.
  public func run(_ id: Int64) throws(StoreError) -> RunRecord? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]).map(RunRecord.init(row:))
    }
  }
}

extension RunRecord {
  init(row: Row) throws {
    let json: String = row["result"]
    self.init(
      id: row["id"], snippetID: row["snippet_id"], code: row["code"], codeHash: row["code_hash"],
      startedAt: Date(timeIntervalSince1970: row["started_at"]),
      result: try JSONDecoder().decode(ExecutionResult.self, from: Data(json.utf8)))
  }
}
