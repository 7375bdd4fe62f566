/// One entry of config.toml's `[keys]` (or `[keys.CONTEXT]`), as written: the editor decides what
/// the key and the command mean, and a bad entry there is a warning, never a reason not to start.
public struct KeyBinding: Sendable, Equatable {
  /// `[keys.output]` → "output"; nil for `[keys]` itself.
  public var context: String?
  public var key: String
  /// The value: a command name, "none" — or, when it was not a string, its TOML text.
  public var command: String
  /// The line of the file it is on, when it could be found.
  public var line: Int?

  public init(context: String?, key: String, command: String, line: Int?) {
    self.context = context
    self.key = key
    self.command = command
    self.line = line
  }

  /// Where each `"key" = …` of the `[keys]` tables is in the file: a plain reading of table
  /// headers and key names (TOMLKit keeps no positions), by (context, key).
  static func lines(in text: String) -> [String: Int] {
    var lines: [String: Int] = [:]
    var table: String?
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[") {
        let name = line.dropFirst().prefix { $0 != "]" }.filter { $0 != " " }
        table = name == "keys" ? "" : name.hasPrefix("keys.") ? String(name.dropFirst(5)) : nil
        continue
      }
      guard let table, let key = Self.leadingKey(line) else { continue }
      lines["\(table)\u{0}\(key)"] = lines["\(table)\u{0}\(key)"] ?? number + 1
    }
    return lines
  }

  /// The key a `key = value` line starts with, unquoted.
  private static func leadingKey(_ line: Substring) -> String? {
    guard let first = line.first else { return nil }
    if first == "\"" || first == "'" {
      let rest = line.dropFirst()
      guard let end = rest.firstIndex(of: first) else { return nil }
      return String(rest[..<end])
    }
    let key = line.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
    return key.isEmpty || key.hasPrefix("#") ? nil : String(key)
  }
}
