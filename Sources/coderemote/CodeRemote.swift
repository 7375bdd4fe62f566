import ArgumentParser
import Engine
import FoundationEssentials
import Glibc

@main
struct CodeRemote: AsyncParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "coderemote",
    abstract: "A full-screen terminal playground for Python: edit, run in a sandbox, read the output.",
    discussion: "Without a subcommand, opens the editor on FILE (or an empty buffer).",
    version: version,
    subcommands: [Edit.self, Run.self, Doctor.self],
    defaultSubcommand: Edit.self)

  /// Parses and runs, with the exit codes of the CLI contract: usage errors exit 2, not 64.
  static func main() async {
    PhaseTrace.mark("main")
    do {
      var command = try parseAsRoot()
      PhaseTrace.mark("arguments parsed")
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        LiveOutput.writeAll(Array((fullMessage(for: error) + "\n").utf8), to: STDERR_FILENO)
        Glibc.exit(2)
      }
      exit(withError: error)
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
