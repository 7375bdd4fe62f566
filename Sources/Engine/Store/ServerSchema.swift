import GRDB

/// The server's tables (jobs, their events, access tokens) as named migrations (see
/// `SchemaMigrations`), in a database of their own (`server.sqlite` by default) opened the same way
/// as the snippet store (`DatabaseOpener`). A file of its own because each schema refuses a file
/// that names migrations it does not know, and because the server's write load (every output
/// chunk of every job) should not make an editor's autosave wait on the same lock.
enum ServerSchema {
  /// Written into the file header (`PRAGMA application_id`, "CdRs"): not a snippet database.
  static let applicationID: Int32 = 0x4364_5273

  static let schema = SchemaMigrations(applicationID: applicationID, migrations: migrations)

  static var migrationNames: [String] { schema.names }

  static let migrations: [(name: String, sql: String)] = [
    (
      "server-1-jobs",
      """
      PRAGMA application_id = \(applicationID);
      CREATE TABLE server_jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        owner TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'finished')),
        request BLOB NOT NULL,
        result BLOB,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        started_at REAL,
        finished_at REAL
      );
      CREATE INDEX server_jobs_by_state ON server_jobs (state, seq);
      CREATE INDEX server_jobs_by_owner ON server_jobs (owner, state);
      CREATE INDEX server_jobs_finished ON server_jobs (finished_at) WHERE state = 'finished';
      CREATE TABLE server_job_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job TEXT NOT NULL REFERENCES server_jobs (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX server_job_events_by_job ON server_job_events (job, id);
      """
    ),
    (
      "server-2-tokens",
      """
      CREATE TABLE server_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- SHA-256 of the token, hex: the token itself is shown once and never stored.
        hash TEXT NOT NULL UNIQUE,
        created_at REAL NOT NULL,
        revoked_at REAL
      );
      CREATE UNIQUE INDEX server_tokens_live_name ON server_tokens (name) WHERE revoked_at IS NULL;
      """
    ),
  ]
}
