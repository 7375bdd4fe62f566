import GRDB

extension SQLiteJobQueue {
  /// A write transaction whose commit does not wait for the disk (`synchronous = NORMAL`, in WAL
  /// mode): it survives a crash of the server (`kill -9`: the WAL is in the kernel's page cache) but
  /// not a power loss. For the steps between a job's acceptance and its result — the claim, its
  /// events, a requeue — where each fsync would cost a few milliseconds of every job's latency and
  /// hold the one writer meanwhile. The acceptance (`submit`) and the result (`finish`) stay
  /// synchronous, and their fsync makes everything before them in the WAL durable as well; what a
  /// power loss can take is a claim (the job runs again) or output of a job still running (its
  /// restart requeues it, and requeueing clears its events).
  func writeLightly<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    try await pool.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
      var value: T?
      try db.inTransaction(.immediate) {
        value = try body(db)
        return .commit
      }
      guard let value else { throw DatabaseError(resultCode: .SQLITE_INTERNAL) }
      return value
    }
  }
}
