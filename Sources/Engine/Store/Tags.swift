/// Tags are single words: what was given is split at spaces and commas, empty pieces dropped and
/// repeats removed, keeping the first order. Stored as one space-separated column, which is also
/// what the full-text index reads.
enum Tags {
  static func normalized(_ given: [String]) -> [String] {
    var seen: Set<String> = []
    return given.flatMap { $0.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init) }
      .filter { seen.insert($0).inserted }
  }

  static func column(_ tags: [String]) -> String { normalized(tags).joined(separator: " ") }

  static func parse(_ column: String) -> [String] { column.split(separator: " ").map(String.init) }
}
