/// A command line that matched its spec: which command, and the words given for it.
public struct ParsedCommand: Sendable, Equatable {
  /// Command names from the root's subcommand down, e.g. `["run"]`.
  public var path: [String]
  public var positionals: [String: String] = [:]
  /// The words after the last positional, for a spec with `trailing`.
  public var trailing: [String] = []
  /// Every value each option was given, in order.
  public var values: [String: [String]] = [:]
  /// The flags the words set: true for `--name`, false for `--no-name`, the last word winning.
  public var flagSettings: [String: Bool] = [:]
  /// The command's spec and the root's name, for the usage line of errors found after parsing (a
  /// value out of range); built only then.
  var spec: CommandSpec?
  var rootName: String?

  public init(path: [String]) { self.path = path }

  /// The usage line of the command.
  public var usage: String {
    spec.map { HelpText($0, path: path, rootName: rootName).usage } ?? path.joined(separator: " ")
  }

  public func positional(_ name: String) -> String? {
    assert(
      spec.map { $0.positionals.contains { $0.name == name } } ?? true, "no positional <\(name)> in the spec")
    return positionals[name]
  }

  /// The value of `--name`: the last one given.
  public func value(_ name: String) -> String? {
    assert(declared(name) { !$0.isFlag }, "no value option --\(name) in the spec")
    return values[name]?.last
  }

  /// Every value of a repeatable `--name`, in order.
  public func values(_ name: String) -> [String] {
    assert(declared(name) { $0.isRepeatable }, "no repeatable option --\(name) in the spec")
    return values[name] ?? []
  }

  /// Whether the flag is on: as the words set it, else its default.
  public func flag(_ name: String) -> Bool {
    assert(declared(name) { $0.isFlag }, "no flag --\(name) in the spec")
    return flagSettings[name] ?? spec?.option(named: name)?.isOnByDefault ?? false
  }

  /// The debug builds' check that a command asks for an option its spec declares (a typo in a name
  /// would otherwise read as "not given" forever). Commands built by hand, without a spec, pass.
  private func declared(_ name: String, _ kind: (CommandSpec.Option) -> Bool) -> Bool {
    guard let spec else { return true }
    return spec.option(named: name).map(kind) ?? false
  }

  /// `--name` as a number in `range`, nil when absent.
  public func number(_ name: String, in range: ClosedRange<Double>, unit: String) throws(UsageError)
    -> Double?
  {
    guard let text = value(name) else { return nil }
    guard let number = Double(text), range.contains(number) else {
      throw failure(
        "--\(name) must be between \(Self.plain(range.lowerBound)) and \(Self.plain(range.upperBound)) \(unit)"
      )
    }
    return number
  }

  /// `--name` as a whole number in `range`, nil when absent.
  public func integer(_ name: String, in range: ClosedRange<Int>, unit: String) throws(UsageError) -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw failure(
        "--\(name) must be a whole number between \(range.lowerBound) and \(range.upperBound) \(unit)")
    }
    return number
  }

  public func failure(_ message: String) -> UsageError { UsageError(message: message, usage: usage) }

  private static func plain(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(number)
  }
}

/// A command line that does not fit its spec; printed with the usage line, exit status 2.
public struct UsageError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var usage: String

  public init(message: String, usage: String) {
    self.message = message
    self.usage = usage
  }

  public var description: String {
    "Error: \(message)\nUsage: \(usage)\n  See '\(helpHint)' for more information."
  }

  private var helpHint: String {
    let words = usage.split(separator: " ").prefix { !$0.hasPrefix("<") && !$0.hasPrefix("[") }
    return words.joined(separator: " ") + " --help"
  }
}
