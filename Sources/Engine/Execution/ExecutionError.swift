/// Why code could not be run at all (as opposed to running and failing).
public enum ExecutionError: Error, Equatable, CustomStringConvertible {
  case unsupportedLanguage(String)
  case noInterpreter
  case noFreeUid(ClosedRange<UInt32>)
  case uidLocksUnavailable(String)

  public var description: String {
    switch self {
    case .unsupportedLanguage(let language): "unsupported language '\(language)' (only python is supported)"
    case .noInterpreter:
      "no Python interpreter found (python.path in the configuration when set, else /usr/bin/python3, else python3 on PATH)"
    case .noFreeUid(let range):
      "every sandbox uid of \(range.lowerBound)-\(range.upperBound) is in use (sandbox.uid_range in the configuration)"
    case .uidLocksUnavailable(let directory):
      "cannot use \(directory) to hand out sandbox uids (it must be a directory owned by this user)"
    }
  }
}
