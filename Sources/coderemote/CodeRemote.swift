import Arguments
import FoundationEssentials
import Glibc
import Processes

@main
enum CodeRemote {
  static let version = "0.1.0"

  /// Parses and runs, with the exit codes of the CLI contract: usage errors exit 2. Synchronous:
  /// nothing here needs Swift's task runtime, whose threads would cost every start.
  static func main() {
    PhaseTrace.mark("main")
    let parser = CommandLineParser(CommandTable.root) { path in
      var status = stat()
      return stat(path, &status) == 0
    }
    switch parser.parse(Array(CommandLine.arguments.dropFirst())) {
    case .failure(let error): error.exit()
    case .success(.help(let help)):
      LiveOutput.writeAll(Array(help.text(width: TerminalWidth.current()).utf8), to: STDOUT_FILENO)
    case .success(.version):
      LiveOutput.writeAll(Array((version + "\n").utf8), to: STDOUT_FILENO)
    case .success(.command(let parsed)):
      PhaseTrace.mark("arguments parsed")
      // The parser only returns the tree's leaves, and every leaf comes from a `.command` entry.
      guard let type = CommandTable.command(at: parsed.path) else {
        CLIFailure.cannotRun("no handler for '\(parsed.path.joined(separator: " "))'").exit()
      }
      let command: any Command
      do { command = try type.init(parsed) } catch { error.exit() }
      do { try command.run() } catch { error.exit() }
    }
  }
}

/// A message for the user and an exit code; printed once, in one place.
struct CLIFailure: Error, CustomStringConvertible {
  var message: String
  var exitCode: Int32

  var description: String { message }

  static func usage(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 2) }
  static func cannotRun(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 1) }

  func exit() -> Never {
    report()
    Glibc.exit(exitCode)
  }

  /// Prints the message, for a caller that ends the process itself.
  func report() { LiveOutput.writeAll(Array("coderemote: \(message)\n".utf8), to: STDERR_FILENO) }
}

extension UsageError {
  /// Prints the error with the command's usage line and ends the process with status 2.
  func exit() -> Never {
    LiveOutput.writeAll(Array((description + "\n").utf8), to: STDERR_FILENO)
    Glibc.exit(2)
  }
}
