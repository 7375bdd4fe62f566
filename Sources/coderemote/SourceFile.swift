import Foundation

/// Reads the program a command was given: a path, or `-` for standard input.
enum SourceFile {
  /// The program text, or the error printed and the process ended with the CLI's exit code.
  static func readOrExit(_ path: String) -> String {
    do { return try read(path) } catch { error.exit() }
  }

  static func read(_ path: String) throws(CLIFailure) -> String {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .usage("no such file: \(path)")
      }
      guard !isDirectory.boolValue else { throw .usage("\(path) is a directory, not a Python file") }
      guard let contents = FileManager.default.contents(atPath: path) else {
        throw .usage("cannot read \(path): permission denied")
      }
      data = contents
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .cannotRun("\(path == "-" ? "standard input" : path) is not valid UTF-8 (Python source must be)")
    }
    return text
  }
}
