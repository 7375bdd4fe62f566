import Crypto

/// An access token's secret: 32 random bytes (swift-crypto's key generation, the kernel's CSPRNG), shown once as `cr_` + hex. Only its
/// SHA-256 is stored; a token is 256 bits of entropy, so a fast unsalted hash is enough (no
/// dictionary to try) and lets a lookup be one indexed equality (docs/security.md).
public enum TokenSecret {
  public static let prefix = "cr_"

  /// A new secret.
  public static func generate() -> String {
    prefix + hex(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
  }

  /// A short random id for the token's row (it names the token in `tokens list` and `revoke`).
  public static func generateID() -> String {
    randomHex(bytes: 6)
  }

  /// What is stored and compared: the hex SHA-256 of the secret.
  public static func hash(_ secret: String) -> String {
    hex(Array(SHA256.hash(data: Array(secret.utf8))))
  }

  /// Random bytes as hex, from the system's CSPRNG (ids: unguessable, not secret).
  static func randomHex(bytes count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return hex((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0xf)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
