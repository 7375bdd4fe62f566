extension CommandSpec {
  /// What is wrong with this tree of commands, as sentences (none when it is sound): names the
  /// parser could not tell apart, a default that is not there, `-h` taken from help. Tests call it
  /// on the real command table.
  public func problems() -> [String] { problems(named: [name]) }

  private func problems(named words: [String]) -> [String] {
    let here = words.joined(separator: " ")
    var found: [String] = []
    func duplicates<T: Hashable>(_ items: [T]) -> [T] {
      var seen: Set<T> = []
      return items.filter { !seen.insert($0).inserted }
    }
    for name in duplicates(options.map(\.name)) { found.append("\(here): --\(name) twice") }
    for letter in duplicates(options.compactMap(\.short)) { found.append("\(here): -\(letter) twice") }
    for name in duplicates(subcommands.map(\.name)) { found.append("\(here): subcommand \(name) twice") }
    for option in options {
      if ["help", "version"].contains(option.name) || option.short == "h" {
        found.append("\(here): --\(option.name) takes a name the parser keeps for help and version")
      }
      if option.name.hasPrefix("no-") {
        found.append("\(here): --\(option.name): declare the flag, --no- comes free")
      }
      if option.isRepeatable && option.isFlag {
        found.append("\(here): --\(option.name): a flag cannot repeat")
      }
    }
    for subcommand in subcommands where subcommand.name.contains(where: { "./ ".contains($0) }) {
      found.append("\(here): subcommand '\(subcommand.name)' looks like a path")
    }
    if let fallback = defaultSubcommand, subcommand(named: fallback) == nil {
      found.append("\(here): no default subcommand \(fallback)")
    }
    if !subcommands.isEmpty && !positionals.isEmpty { found.append("\(here): a group takes no positionals") }
    if let optional = positionals.firstIndex(where: \.isOptional),
      positionals[optional...].contains(where: { !$0.isOptional })
    {
      found.append("\(here): a required positional after an optional one")
    }
    for subcommand in subcommands { found += subcommand.problems(named: words + [subcommand.name]) }
    return found
  }
}
