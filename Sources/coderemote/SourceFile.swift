import Glibc
import Processes

/// Reads the program a command was given: a path, or `-` for standard input.
enum SourceFile {
  /// The program text, or the error printed and the process ended with the CLI's exit code.
  static func readOrExit(_ path: String) -> String {
    do { return try read(path) } catch { error.exit() }
  }

  static func read(_ path: String) throws(CLIFailure) -> String {
    let bytes: [UInt8]
    do {
      bytes = try path == "-" ? FileContents.readAll(STDIN_FILENO) : FileContents.read(path)
    } catch {
      if error.isMissing { throw .usage("no such file: \(path)") }
      if error.isDirectory { throw .usage("\(path) is a directory, not a Python file") }
      throw .usage("cannot read \(path == "-" ? "standard input" : path): \(error)")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .cannotRun("\(path == "-" ? "standard input" : path) is not valid UTF-8 (Python source must be)")
    }
    return text
  }
}
