import FoundationEssentials
import GRDB

/// The job queue in the server's SQLite file. Claims and cancels are single `UPDATE … WHERE state =`
/// statements inside write transactions, which SQLite serialises: two workers never take one job.
/// GRDB runs every call on its own threads, so no call blocks the tasks serving HTTP. A job's
/// acceptance and its result are synchronous commits; the steps between are not (`writeLightly`).
public struct SQLiteJobQueue: JobQueue {
  let pool: DatabasePool

  public func submit(_ job: QueuedJob, capacity: Int) async throws -> Bool {
    try await pool.write { db in
      let waiting = try Int.fetchOne(db, sql: "SELECT count(*) FROM server_jobs WHERE state = 'queued'") ?? 0
      guard waiting < capacity else { return false }
      try db.execute(
        sql: """
          INSERT INTO server_jobs (id, owner, state, request, attempts, created_at)
          VALUES (?, ?, 'queued', ?, 0, ?)
          """,
        arguments: [job.id, job.owner, Data(job.request), job.createdAt])
      return true
    }
  }

  public func claim(at time: Double) async throws -> QueuedJob? {
    try await writeLightly { db in
      try Row.fetchOne(
        db,
        sql: """
          UPDATE server_jobs SET state = 'running', started_at = ?, attempts = attempts + 1
          WHERE seq = (SELECT seq FROM server_jobs WHERE state = 'queued' ORDER BY seq LIMIT 1)
          RETURNING \(Self.columns)
          """, arguments: [time]
      ).map(Self.job)
    }
  }

  public func append(kind: String, data: [UInt8], to job: String) async throws -> Int64 {
    try await writeLightly { db in
      try db.execute(
        sql: "INSERT INTO server_job_events (job, kind, data) VALUES (?, ?, ?)",
        arguments: [job, kind, Data(data)])
      return db.lastInsertedRowID
    }
  }

  public func finish(
    _ job: String, result: [UInt8], event: (kind: String, data: [UInt8]), onlyIfQueued: Bool, at time: Double
  ) async throws -> Int64? {
    let (kind, data) = event
    return try await pool.write { db -> Int64? in
      try db.execute(
        sql: """
          UPDATE server_jobs SET state = 'finished', result = ?, finished_at = ?
          WHERE id = ? AND \(onlyIfQueued ? "state = 'queued'" : "state != 'finished'")
          """, arguments: [Data(result), time, job])
      guard db.changesCount > 0 else { return nil }
      try db.execute(
        sql: "INSERT INTO server_job_events (job, kind, data) VALUES (?, ?, ?)",
        arguments: [job, kind, Data(data)])
      return db.lastInsertedRowID
    }
  }

  public func requeue(_ job: String) async throws {
    try await writeLightly { db in
      try db.execute(
        sql: "UPDATE server_jobs SET state = 'queued', started_at = NULL WHERE id = ? AND state = 'running'",
        arguments: [job])
      try db.execute(sql: "DELETE FROM server_job_events WHERE job = ?", arguments: [job])
    }
  }

  public func job(_ id: String) async throws -> QueuedJob? {
    try await pool.read { db in
      try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM server_jobs WHERE id = ?", arguments: [id])
        .map(Self.job)
    }
  }

  public func events(of job: String, after: Int64) async throws -> [JobEvent] {
    try await pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT id, kind, data FROM server_job_events WHERE job = ? AND id > ? ORDER BY id",
        arguments: [job, after]
      ).map { JobEvent(id: $0["id"], kind: $0["kind"], data: Self.bytes($0["data"])) }
    }
  }

  public func depth() async throws -> QueueDepth {
    try await pool.read { db in
      var depth = QueueDepth(queued: 0, running: 0)
      for row in try Row.fetchAll(
        db, sql: "SELECT state, count(*) AS n FROM server_jobs WHERE state != 'finished' GROUP BY state")
      {
        let state: String = row["state"]
        if state == JobState.queued.rawValue { depth.queued = row["n"] } else { depth.running = row["n"] }
      }
      return depth
    }
  }

  public func activeJobs(of owner: String?) async throws -> Int {
    try await pool.read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM server_jobs WHERE owner IS ? AND state != 'finished'",
        arguments: [owner]) ?? 0
    }
  }

  public func running() async throws -> [QueuedJob] {
    try await pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT \(Self.columns) FROM server_jobs WHERE state = 'running' ORDER BY seq"
      )
      .map(Self.job)
    }
  }

  public func deleteFinished(before time: Double) async throws -> Int {
    try await pool.write { db in
      try db.execute(
        sql: """
          DELETE FROM server_job_events WHERE job IN
            (SELECT id FROM server_jobs WHERE state = 'finished' AND finished_at < ?)
          """, arguments: [time])
      try db.execute(
        sql: "DELETE FROM server_jobs WHERE state = 'finished' AND finished_at < ?", arguments: [time])
      return db.changesCount
    }
  }

  private static let columns =
    "id, owner, state, request, result, attempts, created_at, started_at, finished_at"

  private static func bytes(_ data: Data?) -> [UInt8] { data.map { [UInt8]($0) } ?? [] }

  private static func job(_ row: Row) -> QueuedJob {
    QueuedJob(
      id: row["id"], owner: row["owner"], state: JobState(rawValue: row["state"]) ?? .queued,
      request: bytes(row["request"]), result: (row["result"] as Data?).map { [UInt8]($0) },
      attempts: row["attempts"], createdAt: row["created_at"], startedAt: row["started_at"],
      finishedAt: row["finished_at"])
  }
}
