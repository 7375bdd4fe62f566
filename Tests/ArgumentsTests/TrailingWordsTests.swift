import Testing

@testable import Arguments

/// A spec with trailing words (`run FILE ARGS…`): everything after the last positional is taken as
/// it is, options included, as `python FILE ARGS…` hands them to the program.
@Suite struct TrailingWordsTests {
  static let run = CommandSpec(
    name: "run", abstract: "Run a file.", positionals: [.init("file", help: "The file.")],
    trailing: .init("args", help: "For the program."),
    options: [.value("timeout", "seconds", help: "Limit."), .flag("json", help: "JSON.")])

  func parsed(_ words: [String]) throws -> ParsedCommand {
    guard case .success(.command(let parsed)) = CommandLineParser(Self.run).parse(words) else {
      throw UsageError(message: "not a command: \(words)", usage: "")
    }
    return parsed
  }

  @Test func optionsBeforeTheFileAreOursAfterItTheProgramsOwn() throws {
    let parsed = try parsed(["--json", "x.py", "--timeout", "2", "-v", "--", "plain"])
    #expect(parsed.flag("json"))
    #expect(parsed.value("timeout") == nil)
    #expect(parsed.positional("file") == "x.py")
    #expect(parsed.trailing == ["--timeout", "2", "-v", "--", "plain"])
  }

  @Test func noTrailingWords() throws {
    #expect(try parsed(["x.py"]).trailing.isEmpty)
    #expect(try parsed(["--", "-x.py", "a"]).positional("file") == "-x.py")
    #expect(try parsed(["--", "-x.py", "a"]).trailing == ["a"])
  }

  @Test func aSpecWithoutTrailingWordsStillRefusesExtras() {
    guard case .failure(let error) = CommandLineParser(CommandLineParserTests.run).parse(["a", "b"]) else {
      Issue.record("extra words were accepted")
      return
    }
    #expect(error.message == "unexpected argument 'b'")
  }

  @Test func helpShowsThemAfterTheOptions() {
    let help = HelpText(Self.run)
    #expect(help.usage == "run [--timeout <seconds>] [--json] <file> [<args>...]")
    #expect(help.text().contains("<args>..."))
  }
}
