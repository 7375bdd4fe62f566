import Foundation
import Testing

/// The command line as the real binary reads it: unknown commands, help width, completions.
@Suite struct CommandLineTests {
  @Test func anUnknownCommandIsAUsageErrorNotAnEmptyBuffer() throws {
    let deploy = try Binary.run(["deploy"])
    #expect(deploy.status == 2)
    #expect(deploy.stderr.contains("unknown command 'deploy'"), "\(deploy.stderr)")
    #expect(deploy.stderr.contains("Usage: coderemote <subcommand>"))
    let typo = try Binary.run(["doctr"])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("did you mean 'doctor'?"))
  }

  @Test func anExistingFileStillOpensTheEditor() throws {
    // Named like a command word (no dot, no slash), but it exists: the editor takes it, and without
    // a terminal says so, which shows the word reached `edit`.
    let file = try TemporaryFile("print(1)\n", name: "deploy")
    let outcome = try Binary.run(
      ["-c", "cd \"$1\" && exec \"$2\" deploy", "sh", file.directory.path, Binary.path],
      executable: "/bin/sh")
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("needs a terminal"), "\(outcome.stderr)")
  }

  @Test func helpWrapsToColumnsWhenStdoutIsNoTerminal() throws {
    let narrow = try Binary.run(["COLUMNS=50", Binary.path, "run", "--help"], executable: "/usr/bin/env")
    #expect(narrow.status == 0)
    let lines = narrow.text.split(separator: "\n")
    #expect(lines.filter { !$0.hasPrefix("USAGE:") }.allSatisfy { $0.count <= 50 }, "\(narrow.text)")
    let wide = try Binary.run(["COLUMNS=200", Binary.path, "run", "--help"], executable: "/usr/bin/env")
    #expect(wide.text.split(separator: "\n").count < lines.count)
  }

  @Test func theBashCompletionOfTheRealTreeCompletesItsCommands() throws {
    let script = try Binary.run(["completions", "bash"])
    #expect(script.status == 0)
    let file = try TemporaryFile(script.text, name: "coderemote.bash")
    let call = """
      source "$1" && COMP_WORDS=(coderemote r) && COMP_CWORD=1 && _coderemote && echo "${COMPREPLY[*]}" \
      && COMP_WORDS=(coderemote run --j) && COMP_CWORD=2 && _coderemote && echo "${COMPREPLY[*]}" \
      && COMP_WORDS=(coderemote completions '') && COMP_CWORD=2 && _coderemote && echo "${COMPREPLY[*]}"
      """
    let outcome = try Binary.run(["--norc", "-c", call, "bash", file.path], executable: "/bin/bash")
    #expect(outcome.text == "run\n--json\nbash zsh fish\n", "\(outcome.stderr)")
    for shell in ["zsh", "fish"] {
      let other = try Binary.run(["completions", shell])
      #expect(other.status == 0 && other.text.contains("coderemote"))
    }
  }
}

/// On a terminal, help takes the terminal's width, not `COLUMNS`.
@Suite struct HelpInTerminalTests {
  @Test func helpWrapsToTheTerminalsWidth() throws {
    let tmux = try TmuxSession(width: 60, height: 50)
    try tmux.type("COLUMNS=200 \(Binary.path) run --help; echo rc=$?")
    try tmux.press("Enter")
    _ = try tmux.waitFor { $0.contains("rc=0") }
    // -J joins lines tmux wrapped: had the help been laid out for 200 columns, they would show here.
    let joined = try tmux.tmux("capture-pane", "-p", "-J", "-t", "e2e")
    let help = joined.split(separator: "\n").filter { !$0.contains("USAGE:") && !$0.contains("COLUMNS=") }
    #expect(help.contains { $0.hasPrefix("OVERVIEW:") })
    #expect(help.allSatisfy { $0.count <= 60 }, "\(joined)")
    #expect(help.contains { $0.count > 50 }, "laid out near 60 columns:\n\(joined)")
  }
}
