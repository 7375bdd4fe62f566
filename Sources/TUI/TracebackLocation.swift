/// Finds the program's own lines in a Python traceback: `File "main.py", line 7, in f`. A run's
/// program is compiled as `main.py` (or, where the engine passes it, under the buffer's file
/// name), so frames of other files — the standard library, imported modules — are not it.
enum TracebackLocation {
  /// The 1-based line a traceback line names in one of `files`, if it is such a frame line.
  static func line(in text: String, files: Set<String>) -> Int? {
    guard let fileStart = text.firstRange(of: "File \"") else { return nil }
    let afterQuote = text[fileStart.upperBound...]
    guard let quote = afterQuote.firstIndex(of: "\"") else { return nil }
    guard files.contains(String(afterQuote[..<quote])) else { return nil }
    let rest = afterQuote[afterQuote.index(after: quote)...]
    guard rest.hasPrefix(", line ") else { return nil }
    let digits = rest.dropFirst(", line ".count).prefix { $0.isASCII && $0.isNumber }
    return Int(digits).flatMap { $0 >= 1 ? $0 : nil }
  }

  /// The line of the last error: the innermost frame in the program of the last traceback, which
  /// is the last frame line naming it (a `SyntaxError` names its line the same way).
  static func lastError(in lines: [String], files: Set<String>) -> Int? {
    for text in lines.reversed() {
      if let line = line(in: text, files: files) { return line }
    }
    return nil
  }
}
