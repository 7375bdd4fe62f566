extension ExecutionFile {
  /// Path components a name may have: `a/b/c/d/e/f/g/h.txt` at most.
  public static let maximumDepth = 8
  /// Bytes of a whole name (well under PATH_MAX once the work dir is in front of it).
  public static let maximumNameBytes = 255

  /// What makes `name` unusable as a file beside the program, in words, or nil. The name is only
  /// ever used relative to the work dir: absolute paths, `.` and `..`, empty components, NUL and
  /// control characters, backslashes (a Windows client's separator, never silently a file name)
  /// and the program's own `main.py` are refused.
  public static func nameProblem(_ name: String) -> String? {
    if name.isEmpty { return "the name is empty" }
    if name.utf8.count > maximumNameBytes { return "the name is longer than \(maximumNameBytes) bytes" }
    if name.hasPrefix("/") { return "the name must be relative, not an absolute path" }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return "the name holds a NUL or control character"
    }
    if name.contains("\\") { return "the name holds a backslash (use / between directories)" }
    let components = name.split(separator: "/", omittingEmptySubsequences: false)
    if components.count > maximumDepth { return "the name is deeper than \(maximumDepth) components" }
    if components.contains(where: { $0.isEmpty }) {
      return "the name has an empty component (// or a trailing /)"
    }
    if components.contains(where: { $0 == "." || $0 == ".." }) { return "the name has a . or .. component" }
    if name == "main.py" { return "main.py is the program's own name" }
    return nil
  }

  /// What makes a set of files unusable together, or nil: two with one name, or one that is another's
  /// directory (`a` and `a/b`). Returns the index of the offending file with the reason.
  public static func conflict(in files: [ExecutionFile]) -> (index: Int, problem: String)? {
    var names = Set<String>()
    var directories = Set<String>()
    for (index, file) in files.enumerated() {
      if names.contains(file.name) { return (index, "another file is named \(file.name) already") }
      if directories.contains(file.name) { return (index, "\(file.name) is another file's directory") }
      var parent = ""
      for component in file.name.split(separator: "/").dropLast() {
        parent += parent.isEmpty ? String(component) : "/" + component
        if names.contains(parent) { return (index, "\(parent) is a file, not a directory") }
        directories.insert(parent)
      }
      names.insert(file.name)
    }
    return nil
  }

  /// The directories `files` need, parents first, each once.
  public static func directories(of files: [ExecutionFile]) -> [String] {
    var seen = Set<String>()
    var ordered: [String] = []
    for file in files {
      var parent = ""
      for component in file.name.split(separator: "/").dropLast() {
        parent += parent.isEmpty ? String(component) : "/" + component
        if seen.insert(parent).inserted { ordered.append(parent) }
      }
    }
    return ordered
  }
}
