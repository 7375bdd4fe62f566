import Execution
import FoundationEssentials
import Store

/// The `--json` shapes of `coderemote snippets` (docs/snippets.md): one JSON document per command,
/// keys sorted, times in ISO 8601 (UTC).
enum SnippetsJSON {
  /// A value in a small ad-hoc object.
  enum Field: Encodable {
    case int(Int64), bool(Bool), string(String), strings([String])

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .int(let value): try container.encode(value)
      case .bool(let value): try container.encode(value)
      case .string(let value): try container.encode(value)
      case .strings(let value): try container.encode(value)
      }
    }
  }

  struct ImportReport: Encodable {
    struct Entry: Encodable {
      var uid: String
      var id: Int64
      var outcome: ImportOutcome
    }
    var added: Int
    var updated: Int
    var unchanged: Int
    var snippets: [Entry]
  }

  static func object(_ fields: [String: Field]) -> String { encode(fields) }

  static func importReport(_ outcomes: [(uid: String, id: Int64, outcome: ImportOutcome)], counts: [Int])
    -> String
  {
    encode(
      ImportReport(
        added: counts[0], updated: counts[1], unchanged: counts[2],
        snippets: outcomes.map { ImportReport.Entry(uid: $0.uid, id: $0.id, outcome: $0.outcome) }))
  }

  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    // Encoding these plain values cannot fail; an empty object would be a bug, not a crash.
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}

/// The text shapes: one snippet a line, tab-separated, for people and for `cut`/`awk`.
enum SnippetsText {
  /// `ID<TAB>NAME<TAB>TAGS<TAB>LAST RUN<TAB>UPDATED`; a pinned snippet's name starts with `* `;
  /// tags are space-separated; the last run is its status or `-`; the time is ISO 8601 (UTC).
  static func line(_ summary: SnippetSummary) -> String {
    let name = (summary.pinned ? "* " : "") + summary.name.map { $0 == "\t" || $0.isNewline ? " " : $0 }
    return [
      String(summary.id), String(name), summary.tags.joined(separator: " "),
      summary.lastRunStatus?.rawValue ?? "-", summary.updatedAt.formatted(.iso8601),
    ].joined(separator: "\t")
  }
}
