import Arguments
import FoundationEssentials
import Glibc
import Processes

@main
enum CodeRemote {
  static let version = "0.1.0"

  static let spec = CommandSpec(
    name: "coderemote",
    abstract: "A full-screen terminal playground for Python: edit, run in a sandbox, read the output.",
    discussion: "Without a subcommand, opens the editor on FILE (or an empty buffer).",
    subcommands: [Edit.spec, Run.spec, Doctor.spec],
    defaultSubcommand: Edit.spec.name)

  /// Parses and runs, with the exit codes of the CLI contract: usage errors exit 2. Synchronous:
  /// nothing here needs Swift's task runtime, whose threads would cost every start.
  static func main() {
    PhaseTrace.mark("main")
    switch CommandLineParser(spec).parse(Array(CommandLine.arguments.dropFirst())) {
    case .failure(let error): error.exit()
    case .success(.help(let text)):
      LiveOutput.writeAll(Array(text.utf8), to: STDOUT_FILENO)
    case .success(.version):
      LiveOutput.writeAll(Array((version + "\n").utf8), to: STDOUT_FILENO)
    case .success(.command(let parsed)):
      PhaseTrace.mark("arguments parsed")
      switch parsed.path.last {
      case Run.spec.name:
        do { try Run(parsed).run() } catch { error.exit() }
      case Doctor.spec.name: Doctor(parsed).run()
      default: Edit(parsed).run()
      }
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
    LiveOutput.writeAll(Array("coderemote: \(message)\n".utf8), to: STDERR_FILENO)
    Glibc.exit(exitCode)
  }
}

extension UsageError {
  /// Prints the error with the command's usage line and ends the process with status 2.
  func exit() -> Never {
    LiveOutput.writeAll(Array((description + "\n").utf8), to: STDERR_FILENO)
    Glibc.exit(2)
  }
}
