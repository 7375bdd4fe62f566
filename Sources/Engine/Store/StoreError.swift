/// Why the store could not do what was asked, in words a user can act on. Every path is named so
/// the message says which file is meant.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// The file was written by a later Code Remote: opening it here could lose what it holds.
  case newerSchema(path: String, unknownMigrations: [String])
  /// The file cannot be opened (permissions, a directory in the way, a missing parent).
  case cannotOpen(path: String, reason: String)
  /// SQLite found damage after the database was opened.
  case corrupt(path: String, reason: String)
  /// The disk (or the quota) is full; nothing was written.
  case diskFull(path: String)
  /// Another process held the database for longer than the busy timeout.
  case busy(path: String)
  case noSuchSnippet(Int64)
  /// What was asked cannot be stored (an empty name).
  case invalid(String)
  /// Any other SQLite or file error, with SQLite's own words.
  case failed(path: String, reason: String)

  public var description: String {
    switch self {
    case .newerSchema(let path, let unknown):
      return "\(path) was written by a newer Code Remote (it has migrations this version does not know: "
        + unknown.joined(separator: ", ") + "); upgrade coderemote, or pass --db for another database"
    case .cannotOpen(let path, let reason): return "cannot open the database \(path): \(reason)"
    case .corrupt(let path, let reason):
      return
        "the database \(path) is damaged (\(reason)); copy what you need, move it aside and restart for a fresh one"
    case .diskFull(let path): return "the disk holding \(path) is full: nothing was saved"
    case .busy(let path): return "the database \(path) stayed locked by another process"
    case .noSuchSnippet(let id): return "no snippet with id \(id)"
    case .invalid(let reason): return reason
    case .failed(let path, let reason): return "database \(path): \(reason)"
    }
  }
}
