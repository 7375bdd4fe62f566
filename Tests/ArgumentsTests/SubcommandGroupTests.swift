import Testing

@testable import Arguments

/// Groups of subcommands nested in groups (`tool snippets list`), built with `insert` as the
/// executable's command table builds its tree, where two leaves may share a name.
@Suite("Subcommand groups")
struct SubcommandGroupTests {
  static let root: CommandSpec = {
    var root = CommandSpec(name: "tool", abstract: "A tool.")
    let entries: [([String], CommandSpec)] = [
      ([], CommandSpec(name: "snippets", abstract: "Keep snippets.")),
      (
        ["snippets"],
        CommandSpec(name: "list", abstract: "List snippets.", options: [.flag("json", help: "")])
      ),
      (
        ["snippets"],
        CommandSpec(
          name: "show", abstract: "Show one.", positionals: [.init("id", help: "Which.")],
          options: [.value("tag", "tag", repeatable: true, help: "")])
      ),
      ([], CommandSpec(name: "tokens", abstract: "Manage tokens.")),
      (["tokens"], CommandSpec(name: "list", abstract: "List tokens.")),
      (["tokens"], CommandSpec(name: "admin", abstract: "Deeper still.")),
      (["tokens", "admin"], CommandSpec(name: "purge", abstract: "Forget every token.")),
    ]
    for (parent, spec) in entries { precondition(root.insert(spec, under: parent[...])) }
    return root
  }()

  func parse(_ words: [String]) -> Result<CommandLineParser.Outcome, UsageError> {
    CommandLineParser(Self.root).parse(words)
  }

  @Test func leavesOfTheSameNameHaveDifferentPaths() throws {
    guard case .success(.command(let snippets)) = parse(["snippets", "list", "--json"]),
      case .success(.command(let tokens)) = parse(["tokens", "list"]),
      case .success(.command(let purge)) = parse(["tokens", "admin", "purge"]),
      case .success(.command(let show)) = parse(["snippets", "show", "7", "--tag", "a", "--tag", "b"])
    else {
      Issue.record("a path did not parse")
      return
    }
    #expect(snippets.path == ["snippets", "list"] && snippets.flag("json"))
    #expect(tokens.path == ["tokens", "list"])
    #expect(purge.path == ["tokens", "admin", "purge"])
    #expect(show.positional("id") == "7" && show.values("tag") == ["a", "b"])
  }

  @Test func aGroupAloneOrWithAnUnknownWordIsAUsageError() {
    guard case .failure(let alone) = parse(["snippets"]),
      case .failure(let unknown) = parse(["snippets", "lsit"]),
      case .failure(let far) = parse(["tokens", "zzz"])
    else {
      Issue.record("expected failures")
      return
    }
    #expect(alone.message == "a subcommand is needed")
    #expect(alone.usage == "tool snippets <subcommand>")
    #expect(unknown.message == "unknown command 'lsit'; did you mean 'list'?")
    #expect(far.message == "unknown command 'zzz'")
    var copy = Self.root
    let twice = copy.insert(CommandSpec(name: "list", abstract: ""), under: ["snippets"])
    let orphan = copy.insert(CommandSpec(name: "x", abstract: ""), under: ["nothing"])
    #expect(!twice && !orphan && copy == Self.root)
  }

  @Test func helpNamesTheWholePath() {
    guard case .success(.help(let help)) = parse(["help", "tokens", "admin", "purge"]) else {
      Issue.record("no help")
      return
    }
    #expect(parse(["tokens", "admin", "purge", "--help"]) == .success(.help(help)))
    #expect(help.text().contains("USAGE: tool tokens admin purge"))
    guard case .success(.help(let group)) = parse(["tokens", "-h"]) else { Issue.record("no help"); return }
    let text = group.text()
    #expect(text.contains("  list                    List tokens."), "\(text)")
    #expect(text.contains("See 'tool help tokens <subcommand>'"))
    #expect(!text.contains("--version"), "only the root has --version")
  }

  @Test func descendantsListsEveryCommandParentsFirst() {
    #expect(
      Self.root.descendants().map(\.path) == [
        ["snippets"], ["snippets", "list"], ["snippets", "show"], ["tokens"], ["tokens", "list"],
        ["tokens", "admin"], ["tokens", "admin", "purge"],
      ])
  }
}
