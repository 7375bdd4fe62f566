import Foundation
import Testing

@testable import TUI

/// docs/keybindings.md and the keymap say the same: each context's table (after a
/// `<!-- keymap: CONTEXT -->` line) has a row per command, with exactly the keys it is bound to.
@Suite struct KeyDocsTests {
  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/keybindings.md")

  struct Row: Hashable {
    var context: String
    var command: String
    var keys: Set<String>
  }

  /// The rows of the doc's keymap tables.
  static func documentedRows() throws -> [Row] {
    var rows: [Row] = []
    var context: String?
    for line in try String(contentsOf: docs, encoding: .utf8).split(separator: "\n") {
      if line.hasPrefix("<!-- keymap: ") {
        context = String(line.dropFirst("<!-- keymap: ".count).prefix { $0 != " " })
        continue
      }
      guard let current = context else { continue }
      guard line.hasPrefix("|") else {
        if !rows.isEmpty && rows.last?.context == current { context = nil }
        continue
      }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 3, cells[1].hasPrefix("`") else { continue }
      let keys = cells[0] == "—" ? [] : cells[0].components(separatedBy: ", ")
      rows.append(Row(context: current, command: cells[1].trimmingCharacters(in: ["`"]), keys: Set(keys)))
    }
    return rows
  }

  /// The row the docs should have for each command, as markdown (printed when they differ).
  static func expectedRows(_ context: KeyContext) -> [String] {
    Keymap.standard.commands(in: context).map { command in
      let keys = command.keys.isEmpty ? "—" : command.keys.map(\.label).joined(separator: ", ")
      return "| \(keys) | `\(command.name)` | \(command.title) |"
    }
  }

  @Test func everyCommandIsDocumentedWithItsKeys() throws {
    let documented = Set(try Self.documentedRows())
    for context in KeyContext.allCases {
      var missing: [String] = []
      for (command, row) in zip(Keymap.standard.commands(in: context), Self.expectedRows(context)) {
        let expected = Row(
          context: context.rawValue, command: command.name.rawValue, keys: Set(command.keys.map(\.label)))
        if !documented.contains(expected) { missing.append(row) }
      }
      #expect(
        missing.isEmpty,
        "docs/keybindings.md lacks, under <!-- keymap: \(context) -->:\n\(missing.joined(separator: "\n"))")
    }
  }

  @Test func everyDocumentedKeyIsBound() throws {
    for row in try Self.documentedRows() {
      let context = try #require(KeyContext(rawValue: row.context), "no context \(row.context)")
      let command = Keymap.standard.command(named: CommandName(row.command))
      #expect(command != nil, "docs/keybindings.md names a command that does not exist: \(row.command)")
      #expect(command?.context == context, "\(row.command) is documented under \(row.context)")
      #expect(
        Set(command?.keys.map(\.label) ?? []) == row.keys, "\(row.command): the docs say \(row.keys.sorted())"
      )
    }
  }
}
