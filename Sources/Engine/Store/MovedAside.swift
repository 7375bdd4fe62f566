import FoundationEssentials
import Glibc

/// A damaged database file, renamed next to where it was (with its `-wal` and `-shm`) so nothing in
/// it is lost and a fresh database can take its place.
public struct MovedAside: Sendable, Equatable, CustomStringConvertible {
  public let originalPath: String
  public let movedTo: String
  public let reason: String

  public var description: String {
    "the database \(originalPath) could not be read (\(reason)); it was moved to \(movedTo)"
      + " and a new one started"
  }

  /// Renames `path` to `path.damaged-YYYYMMDD-HHMMSS` (plus `-1`, `-2`… if that name is taken).
  static func move(_ path: String, reason: String, now: Date = Date()) throws(StoreError) -> MovedAside {
    let stamp = timestamp(now)
    var target = "\(path).damaged-\(stamp)"
    var attempt = 0
    while access(target, F_OK) == 0 {
      attempt += 1
      target = "\(path).damaged-\(stamp)-\(attempt)"
    }
    // The write-ahead log holds committed pages not yet in the main file: it moves with it.
    for suffix in ["", "-wal", "-shm"] where access(path + suffix, F_OK) == 0 {
      guard rename(path + suffix, target + suffix) == 0 else {
        let reason = String(cString: strerror(errno))
        throw .cannotOpen(path: path, reason: "it is damaged and cannot be moved aside: \(reason)")
      }
    }
    return MovedAside(originalPath: path, movedTo: target, reason: reason)
  }

  /// `20261201-095300` in UTC.
  static func timestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-"
      + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
  }
}
