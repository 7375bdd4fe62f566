import GRDB

/// An access token as stored: its name and the hash of its secret, never the secret.
public struct StoredToken: Sendable, Equatable {
  public var id: String
  public var name: String
  public var hash: String
  public var createdAt: Double
  public var revokedAt: Double?

  public init(id: String, name: String, hash: String, createdAt: Double, revokedAt: Double? = nil) {
    self.id = id
    self.name = name
    self.hash = hash
    self.createdAt = createdAt
    self.revokedAt = revokedAt
  }
}

/// Why a token operation was refused.
public enum TokenStoreError: Error, Equatable, CustomStringConvertible {
  case nameTaken(String)
  case noSuchToken(String)

  public var description: String {
    switch self {
    case .nameTaken(let name):
      "a token named '\(name)' already exists (revoke it first, or pick another name)"
    case .noSuchToken(let key): "no live token with id or name '\(key)'"
    }
  }
}

/// The server's access tokens.
public struct TokenStore: Sendable {
  let pool: DatabasePool

  public func add(_ token: StoredToken) throws {
    try pool.write { db in
      let taken =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM server_tokens WHERE name = ? AND revoked_at IS NULL)",
          arguments: [token.name]) ?? false
      if taken { throw TokenStoreError.nameTaken(token.name) }
      try db.execute(
        sql: "INSERT INTO server_tokens (id, name, hash, created_at) VALUES (?, ?, ?, ?)",
        arguments: [token.id, token.name, token.hash, token.createdAt])
    }
  }

  /// Every token, revoked ones too, oldest first.
  public func all() throws -> [StoredToken] {
    try pool.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM server_tokens ORDER BY created_at, id").map(Self.token)
    }
  }

  /// The live token with this hash.
  public func live(hash: String) async throws -> StoredToken? {
    try await pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM server_tokens WHERE hash = ? AND revoked_at IS NULL", arguments: [hash]
      ).map(Self.token)
    }
  }

  /// Revokes the live token whose id or name is `key`; returns it.
  @discardableResult
  public func revoke(_ key: String, at time: Double) throws -> StoredToken {
    try pool.write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT * FROM server_tokens WHERE (id = ? OR name = ?) AND revoked_at IS NULL",
          arguments: [key, key])
      else { throw TokenStoreError.noSuchToken(key) }
      var token = Self.token(row)
      try db.execute(
        sql: "UPDATE server_tokens SET revoked_at = ? WHERE id = ?", arguments: [time, token.id])
      token.revokedAt = time
      return token
    }
  }

  private static func token(_ row: Row) -> StoredToken {
    StoredToken(
      id: row["id"], name: row["name"], hash: row["hash"], createdAt: row["created_at"],
      revokedAt: row["revoked_at"])
  }
}
