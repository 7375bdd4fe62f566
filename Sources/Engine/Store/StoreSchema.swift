import GRDB

/// The snippet store's schema (see `SchemaMigrations`). Never edit a shipped migration: add the next.
enum StoreSchema {
  /// Written into the file header (`PRAGMA application_id`, "CdRm") to tell our databases apart.
  static let applicationID: Int32 = 0x4364_526d

  static let schema = SchemaMigrations(applicationID: applicationID, migrations: migrations)

  /// Applies the migrations `db` lacks, up to and including `last` (see `SchemaMigrations.migrate`).
  static func migrate(_ db: Database, upTo last: String? = nil) throws { try schema.migrate(db, upTo: last) }

  /// The names of the migrations recorded in `db`, in the order they were applied.
  static func applied(_ db: Database) throws -> [String] { try schema.applied(db) }

  static var migrationNames: [String] { schema.names }

  static let migrations: [(name: String, sql: String)] = [
    (
      "1-snippets",
      """
      PRAGMA application_id = \(applicationID);
      CREATE TABLE snippets (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'python',
        code TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '',
        pinned INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        -- In the trash since then; NULL for a live snippet.
        deleted_at REAL,
        -- Kept here, updated with each recorded run, so the list needs no join over the runs.
        run_count INTEGER NOT NULL DEFAULT 0,
        last_run_status TEXT,
        last_run_at REAL
      );
      -- One index per order of the list, so its first screenful never sorts the whole table.
      CREATE INDEX snippets_recent ON snippets (deleted_at, pinned DESC, updated_at DESC, id DESC);
      CREATE INDEX snippets_by_name ON snippets (deleted_at, pinned DESC, name COLLATE NOCASE, id);
      CREATE INDEX snippets_most_run ON snippets (deleted_at, pinned DESC, run_count DESC, updated_at DESC, id DESC);
      -- The index holds live snippets only, so a search never has to skip the trash. Prefix indexes
      -- make the first keystrokes of a filter (one to three letters) cheap.
      CREATE VIRTUAL TABLE snippets_fts USING fts5(
        name, tags, code, content = 'snippets', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
      CREATE TRIGGER snippets_fts_insert AFTER INSERT ON snippets WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO snippets_fts (rowid, name, tags, code) VALUES (new.id, new.name, new.tags, new.code);
      END;
      CREATE TRIGGER snippets_fts_delete AFTER DELETE ON snippets WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO snippets_fts (snippets_fts, rowid, name, tags, code)
          VALUES ('delete', old.id, old.name, old.tags, old.code);
      END;
      CREATE TRIGGER snippets_fts_update AFTER UPDATE OF name, tags, code, deleted_at ON snippets BEGIN
        INSERT INTO snippets_fts (snippets_fts, rowid, name, tags, code)
          SELECT 'delete', old.id, old.name, old.tags, old.code WHERE old.deleted_at IS NULL;
        INSERT INTO snippets_fts (rowid, name, tags, code)
          SELECT new.id, new.name, new.tags, new.code WHERE new.deleted_at IS NULL;
      END;
      """
    ),
    (
      "2-runs",
      """
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        snippet_id INTEGER REFERENCES snippets (id) ON DELETE SET NULL,
        code TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at REAL NOT NULL,
        -- The ExecutionResult as JSON, each output stream cut to RunRecord.outputLimit bytes.
        result TEXT NOT NULL
      );
      CREATE INDEX runs_of_snippet ON runs (snippet_id, started_at DESC);
      CREATE INDEX runs_of_code ON runs (code_hash);
      """
    ),
    (
      "3-drafts",
      """
      CREATE TABLE drafts (
        -- 'snippet:ID', 'file:/absolute/path' or 'scratch' (DraftOwner).
        owner TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        cursor_line INTEGER NOT NULL,
        cursor_column INTEGER NOT NULL,
        scroll_line INTEGER NOT NULL,
        updated_at REAL NOT NULL
      ) WITHOUT ROWID;
      """
    ),
    (
      "4-analyses",
      """
      -- Cached analyses of a version of the code, found again by its hash (CodeHash).
      CREATE TABLE analyses (
        code_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at REAL NOT NULL,
        PRIMARY KEY (code_hash, kind)
      ) WITHOUT ROWID;
      """
    ),
  ]
}
