import Testing

@testable import Arguments

/// Repeatable values, short names, `--no-…`, and the spec's own soundness check.
@Suite("Option kinds")
struct OptionKindsTests {
  static let save = CommandSpec(
    name: "save", abstract: "Save a snippet.", positionals: [.init("file", help: "A file.")],
    options: [
      .value("tag", "tag", short: "t", repeatable: true, help: "A tag; give it again for more."),
      .value("name", "name", short: "n", help: "Its name."),
      .flag("json", short: "j", help: "JSON out."),
      .flag("verbose", short: "v", help: "More words."),
      .flag("empirical", onByDefault: true, help: "Time it too."),
    ])

  func command(_ words: [String]) throws -> ParsedCommand {
    let outcome = CommandLineParser(Self.save).parse(words)
    guard case .success(.command(let parsed)) = outcome else {
      throw UsageError(message: "not a command: \(outcome)", usage: "")
    }
    return parsed
  }

  func error(_ words: [String]) -> String? {
    guard case .failure(let error) = CommandLineParser(Self.save).parse(words) else { return nil }
    return error.message
  }

  @Test func aRepeatableOptionKeepsEveryValueInOrder() throws {
    let parsed = try command(["--tag", "a", "f.py", "-t", "b", "--tag=c", "-td"])
    #expect(parsed.values("tag") == ["a", "b", "c", "d"])
    #expect(parsed.value("tag") == "d")
    #expect(try command(["f.py"]).values("tag") == [])
  }

  @Test func aSingleValueGivenTwiceKeepsTheLast() throws {
    #expect(try command(["f.py", "--name", "one", "-n", "two"]).value("name") == "two")
  }

  @Test func shortFlagsBundleAndAShortValueTakesTheRestOrTheNextWord() throws {
    let bundled = try command(["-jv", "f.py"])
    #expect(bundled.flag("json") && bundled.flag("verbose"))
    #expect(try command(["-jnfirst", "f.py"]).value("name") == "first")
    #expect(try command(["-jn", "second", "f.py"]).value("name") == "second")
    #expect(try command(["-n", "-dash-", "f.py"]).value("name") == "-dash-")
    #expect(error(["f.py", "-n"]) == "-n needs a value <name>")
    #expect(error(["f.py", "-jq"]) == "unknown option '-q'")
  }

  @Test func noTurnsAFlagOffAndTheLastWordWins() throws {
    #expect(try command(["f.py"]).flag("empirical"))
    #expect(try !command(["f.py", "--no-empirical"]).flag("empirical"))
    #expect(try command(["f.py", "--no-empirical", "--empirical"]).flag("empirical"))
    #expect(try !command(["f.py", "--json", "--no-json"]).flag("json"))
    #expect(try !command(["f.py"]).flag("json"))
  }

  @Test func helpShowsShortNamesRepetitionAndNegation() {
    let text = HelpText(Self.save).text()
    #expect(text.contains("  -t, --tag <tag> ...     A tag; give it again for more."), "\(text)")
    #expect(text.contains("  --[no-]empirical        Time it too."), "\(text)")
    #expect(HelpText(Self.save).usage.contains("[--tag <tag> ...]"))
    guard case .success(.help(let help)) = CommandLineParser(Self.save).parse(["-jh"]) else {
      Issue.record("-h inside a bundle is help")
      return
    }
    #expect(help == HelpText(Self.save, rootName: "save"))
  }

  @Test func aSoundSpecHasNoProblemsAndAnUnsoundOneNamesEach() {
    #expect(Self.save.problems() == [])
    let broken = CommandSpec(
      name: "tool", abstract: "",
      options: [.flag("x", short: "h", help: ""), .flag("x", help: ""), .flag("no-color", help: "")],
      subcommands: [CommandSpec(name: "a.b", abstract: ""), CommandSpec(name: "c", abstract: "")],
      defaultSubcommand: "d")
    #expect(
      broken.problems() == [
        "tool: --x twice",
        "tool: --x takes a name the parser keeps for help and version",
        "tool: --no-color: declare the flag, --no- comes free",
        "tool: subcommand 'a.b' looks like a path",
        "tool: no default subcommand d",
      ])
  }

  #if DEBUG
    /// `save f.py`, parsed; built inside each exit test, which may capture nothing.
    static func saved() -> ParsedCommand {
      guard case .success(.command(let parsed)) = CommandLineParser(save).parse(["f.py"]) else {
        fatalError()
      }
      return parsed
    }

    /// A command asking for an option its spec lacks is a programming error caught on first use.
    @Test func askingForAnUndeclaredOptionTrapsInDebugBuilds() async {
      await #expect(processExitsWith: .failure) { _ = OptionKindsTests.saved().value("nmae") }
      await #expect(processExitsWith: .failure) { _ = OptionKindsTests.saved().flag("name") }
      await #expect(processExitsWith: .failure) { _ = OptionKindsTests.saved().values("name") }
      await #expect(processExitsWith: .failure) { _ = OptionKindsTests.saved().positional("fiel") }
      let parsed = Self.saved()
      #expect(parsed.value("name") == nil && parsed.values("tag") == [] && !parsed.flag("json"))
    }
  #endif

  @Test func editDistanceCountsASwapAsOneEdit() {
    #expect(Suggestion.editDistance(Array("serve"), Array("sevre")) == 1)
    #expect(Suggestion.editDistance(Array("list"), Array("lsit")) == 1)
    #expect(Suggestion.editDistance(Array(""), Array("abc")) == 3)
    #expect(Suggestion.closest(to: "x", among: ["run"]) == nil)
    #expect(Suggestion.closest(to: "comp", among: ["run", "completions"]) == "completions")
  }
}
