import Testing

@testable import Arguments

@Suite("Command-line parsing")
struct CommandLineParserTests {
  static let run = CommandSpec(
    name: "run", abstract: "Run a file.",
    positionals: [.init("file", help: "The file.")],
    options: [
      .value("timeout", "seconds", help: "Wall-clock limit."), .flag("json", help: "One JSON object."),
    ])
  static let edit = CommandSpec(
    name: "edit", abstract: "Open the editor.", positionals: [.init("file", help: "A file.", optional: true)],
    options: [.value("theme", "theme", help: "A theme.")])
  static let root = CommandSpec(
    name: "tool", abstract: "A tool.", subcommands: [edit, run], defaultSubcommand: "edit")

  func parse(_ words: [String]) -> Result<CommandLineParser.Outcome, UsageError> {
    CommandLineParser(Self.root) { $0 == "existing" }.parse(words)
  }

  func command(_ words: [String]) throws -> ParsedCommand {
    guard case .success(.command(let parsed)) = parse(words) else {
      throw UsageError(message: "not a command: \(parse(words))", usage: "")
    }
    return parsed
  }

  func error(_ words: [String]) -> String? {
    guard case .failure(let error) = parse(words) else { return nil }
    return error.message
  }

  @Test func optionsAndPositionalsInAnyOrder() throws {
    for words in [
      ["run", "--timeout", "2.5", "--json", "x.py"], ["run", "x.py", "--json", "--timeout=2.5"],
      ["run", "--json", "x.py", "--timeout", "2.5"],
    ] {
      let parsed = try command(words)
      #expect(parsed.path == ["run"])
      #expect(parsed.positional("file") == "x.py")
      #expect(parsed.value("timeout") == "2.5")
      #expect(parsed.flag("json"))
    }
  }

  @Test func dashIsAPositionalAndDoubleDashEndsOptions() throws {
    #expect(try command(["run", "-"]).positional("file") == "-")
    #expect(try command(["run", "--", "--json"]).positional("file") == "--json")
    #expect(try !command(["run", "--", "--json"]).flag("json"))
  }

  @Test func theDefaultSubcommandTakesWordsNoSubcommandClaims() throws {
    #expect(try command([]).path == ["edit"])
    #expect(try command(["notes.py"]).positional("file") == "notes.py")
    #expect(try command(["--theme", "dusk"]).value("theme") == "dusk")
    #expect(try command(["edit", "run"]).positional("file") == "run")
    #expect(try command(["existing"]).positional("file") == "existing")
    #expect(try command(["new/file"]).positional("file") == "new/file")
    #expect(try command(["-"]).positional("file") == "-")
  }

  @Test func aWordThatIsNeitherCommandNorFileIsAUsageError() {
    #expect(error(["serve"]) == "unknown command 'serve' (for a file of that name: 'tool edit serve')")
    #expect(error(["rnu"]) == "unknown command 'rnu'; did you mean 'run'?")
    #expect(error(["ed"]) == "unknown command 'ed'; did you mean 'edit'?")
    guard case .failure(let failure) = parse(["serve"]) else { Issue.record("expected a failure"); return }
    #expect(failure.usage == "tool <subcommand>")
  }

  @Test func mistakesAreNamed() {
    #expect(error(["run"]) == "missing <file>")
    #expect(error(["run", "a.py", "b.py"]) == "unexpected argument 'b.py'")
    #expect(error(["run", "--no-such-flag", "a.py"]) == "unknown option '--no-such-flag'")
    #expect(error(["run", "--jsno", "a.py"]) == "unknown option '--jsno'; did you mean '--json'?")
    #expect(error(["run", "a.py", "--no-timeout"]) == "unknown option '--no-timeout'")
    #expect(error(["run", "a.py", "--no-json=1"]) == "--no-json takes no value")
    #expect(error(["run", "-x", "a.py"]) == "unknown option '-x'")
    #expect(error(["run", "a.py", "--timeout"]) == "--timeout needs a value <seconds>")
    #expect(error(["run", "a.py", "--json=yes"]) == "--json takes no value")
    #expect(error(["help", "nothing"]) == "no such command 'nothing'")
  }

  @Test func usageErrorsShowTheUsageLineAndWhereHelpIs() {
    guard case .failure(let failure) = parse(["run"]) else { Issue.record("expected a failure"); return }
    #expect(
      failure.description == """
        Error: missing <file>
        Usage: tool run <file> [--timeout <seconds>] [--json]
          See 'tool run --help' for more information.
        """)
  }

  @Test func typedValuesAreCheckedAgainstTheirRange() throws {
    let parsed = try command(["run", "a.py", "--timeout", "0"])
    #expect(throws: UsageError.self) { try parsed.number("timeout", in: 0.001...3_600, unit: "seconds") }
    let fine = try command(["run", "a.py", "--timeout", "90"])
    #expect(try fine.number("timeout", in: 0.001...3_600, unit: "seconds") == 90)
    #expect(try command(["run", "a.py"]).integer("timeout", in: 16...64, unit: "s") == nil)
    let words = try command(["run", "a.py", "--timeout", "soon"])
    let failure = #expect(throws: UsageError.self) {
      try words.number("timeout", in: 1...10, unit: "seconds")
    }
    #expect(failure?.message == "--timeout must be between 1 and 10 seconds")
  }

  @Test func helpAndVersion() {
    #expect(parse(["--version"]) == .success(.version))
    guard case .success(.help(let help)) = parse(["--help"]) else { Issue.record("no help"); return }
    let rootHelp = help.text()
    #expect(rootHelp.contains("USAGE: tool <subcommand>"))
    #expect(rootHelp.contains("  edit (default)          Open the editor."))
    #expect(rootHelp.contains("  run                     Run a file."))
    #expect(parse(["help", "run"]) == parse(["run", "--help"]))
    #expect(parse(["run", "x.py", "-h"]) == parse(["run", "--help"]))
  }

  @Test func helpWrapsLongDescriptionsInTheirColumn() {
    let long = String(repeating: "word ", count: 30)
    let spec = CommandSpec(
      name: "solo", abstract: "Alone.", options: [.flag("a-rather-long-flag-name", help: long)])
    for width in [50, 80, 132] {
      let text = HelpText(spec).text(width: width)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.allSatisfy { $0.count <= width }, "\(text)")
      #expect(lines.contains { $0.count > width - 6 }, "a line near the width \(width):\n\(text)")
      #expect(lines.contains("  --a-rather-long-flag-name"))
      #expect(lines.contains { $0.hasPrefix(String(repeating: " ", count: 26) + "word word") })
    }
    // Too narrow for a description column: laid out as if 40 wide, never worse.
    #expect(HelpText(spec).text(width: 10) == HelpText(spec).text(width: 40))
  }
}
