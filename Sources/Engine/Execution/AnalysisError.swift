/// Why code could not be analysed.
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
  /// The code does not parse: nothing to analyse.
  case syntax(line: Int, message: String)
  /// The helper that reads the code could not run or answered nonsense.
  case helperFailed(String)

  public var description: String {
    switch self {
    case .syntax(let line, let message): line > 0 ? "line \(line): \(message)" : message
    case .helperFailed(let why): "the analysis helper failed: \(why)"
    }
  }
}
