extension Submission {
  /// The longest display name, in bytes of UTF-8: a file name's limit on Linux.
  static let maximumDisplayNameBytes = 255

  /// What is wrong with a request's `display_name` (the words after the field's name), or nil.
  /// It is only a label in tracebacks (the program's file in the box is still `main.py`), so any
  /// text will do but none, a long one, or one with control characters, which would reach a
  /// terminal in the program's error output.
  static func displayNameProblem(_ name: String) -> String? {
    if name.isEmpty { return "is empty" }
    if name.utf8.count > maximumDisplayNameBytes {
      return "is \(name.utf8.count) bytes of UTF-8; the most is \(maximumDisplayNameBytes)"
    }
    if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      return "holds a NUL or other control character"
    }
    return nil
  }
}
