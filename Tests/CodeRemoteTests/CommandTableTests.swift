import Arguments
import Testing

@testable import coderemote

/// The executable's command table: what the parser accepts is exactly what dispatch can run.
@Suite("Command table")
struct CommandTableTests {
  @Test func everyLeafOfTheTreeHasAHandlerAndEveryHandlerALeaf() {
    let leaves = CommandTable.root.descendants().filter { $0.spec.subcommands.isEmpty }.map(\.path)
    let handled = CommandTable.entries.compactMap { entry -> [String]? in
      guard case .command(let path, _) = entry else { return nil }
      return path
    }
    #expect(Set(leaves) == Set(handled))
    #expect(leaves.count == handled.count, "a path in the table twice")
    for path in leaves { #expect(CommandTable.command(at: path) != nil, "\(path)") }
  }

  @Test func everyEntrysSpecIsNamedByItsPathAndGroupsHaveChildren() {
    for entry in CommandTable.entries {
      guard let spec = CommandTable.root.command(at: entry.path) else {
        Issue.record("\(entry.path) is not in the tree")
        continue
      }
      if case .command(let path, let type) = entry { #expect(type.spec.name == path.last) }
      if case .group = entry { #expect(!spec.subcommands.isEmpty, "\(entry.path) groups nothing") }
    }
  }

  @Test func theTreeIsSound() {
    #expect(CommandTable.root.problems() == [])
  }

  @Test func everyParsedCommandReachesItsHandler() {
    let parser = CommandLineParser(CommandTable.root)
    for (path, spec) in CommandTable.root.descendants() where spec.subcommands.isEmpty {
      let words = path + spec.positionals.filter { !$0.isOptional }.map { _ in "bash" }
      guard case .success(.command(let parsed)) = parser.parse(words) else {
        Issue.record("\(words) did not parse")
        continue
      }
      #expect(parsed.path == path)
      #expect(CommandTable.command(at: parsed.path) != nil)
    }
  }
}
