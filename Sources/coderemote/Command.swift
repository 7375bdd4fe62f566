import Arguments

/// A command of the CLI: what it accepts, and what it does with it. Adding one is a file with a type
/// like this and a line in `CommandTable.entries`.
protocol Command: SendableMetatype {
  /// Its options and arguments; its name is the last word of its path in the table.
  static var spec: CommandSpec { get }
  /// Reads the parsed words into typed fields; a bad value is a usage error (exit 2).
  init(_ parsed: ParsedCommand) throws(UsageError)
  /// Does the work; a failure is printed once, with its exit code, by `CodeRemote.main`.
  func run() throws(CLIFailure)
}
