import Arguments
import Glibc

/// Prints the shell completion script for the whole command tree (docs/cli.md says where it goes).
struct Completions: Command {
  static let spec = CommandSpec(
    name: "completions",
    abstract: "Print the shell completion script for bash, zsh or fish.",
    discussion: "Each script's first lines say where to install it (docs/cli.md has them all).",
    positionals: [
      .init("shell", help: "bash, zsh or fish.", completion: .choices(Shell.allCases.map(\.rawValue)))
    ])

  var shell: Shell

  init(_ parsed: ParsedCommand) throws(UsageError) {
    let name = parsed.positional("shell") ?? ""
    guard let shell = Shell(rawValue: name) else {
      throw parsed.failure("no completions for '\(name)'; choose bash, zsh or fish")
    }
    self.shell = shell
  }

  func run() {
    LiveOutput.writeAll(Array(shell.completionScript(for: CommandTable.root).utf8), to: STDOUT_FILENO)
  }
}
