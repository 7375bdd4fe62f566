import Execution
import TOMLKit

/// Reads `config.toml`. Unknown keys are errors, so a typo never silently leaves a default in place.
///
///     [limits]          # wall_ms, cpu_ms, memory_mb, output_kb, processes, file_size_mb, open_files
///     [python]          # path, import_policy = "off" | "standard" | "strict"
///     [sandbox]         # namespaces = "auto" | "native" | "bubblewrap" | "off";
///                       # cgroups, seccomp, landlock (booleans); uid_range = [first, last]
///     [editor]          # indent_width, tab_width (1–16), auto_close (boolean)
///     [ui]              # theme = "name" or "/path/to/theme.toml"
///     [store]           # database = "/path/to/coderemote.db"
///     [run]             # with = ["/abs/path", …]: files or directories every run sees (read-only)
///     [keys]            # "ctrl-s" = "save"; [keys.output] etc. per context (KeyBinding; the
///                       # editor checks them and warns, so a bad one never stops it)
///     [server]          # max_files, max_files_kb, rate_per_second, rate_burst, jobs_per_token,
///                       # queue_capacity, retention_hours (`coderemote serve`)
///     [remote]          # url = "https://host:port", token = "cr_…", ca_file = "/abs/ca.pem"
struct ConfigurationFile {
  let path: String

  func parse(_ text: String) throws(ConfigurationError) -> Configuration {
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw failure(nil, "not valid TOML: \(error.description) (\(error.source.debugDescription))")
    } catch {
      throw failure(nil, "not valid TOML")
    }
    var whole = Configuration()
    try expectOnly(
      ["limits", "python", "sandbox", "editor", "ui", "store", "run", "keys", "server", "remote"], in: root,
      prefix: "")
    if let server = try table("server", in: root) {
      try readServer(server, into: &whole.server)
    }
    if let keys = try table("keys", in: root) {
      whole.keyBindings = readKeys(keys, lines: KeyBinding.lines(in: text))
    }
    if let editor = try table("editor", in: root) {
      try readEditor(editor, into: &whole.editor)
    }
    if let ui = try table("ui", in: root) {
      try expectOnly(["theme"], in: ui, prefix: "ui.")
      if let value = ui["theme"] {
        guard let theme = value.string, !theme.isEmpty else {
          throw failure("ui.theme", "expected a theme name or a path in quotes")
        }
        whole.theme = theme
      }
    }
    if let store = try table("store", in: root) {
      try expectOnly(["database"], in: store, prefix: "store.")
      if let value = store["database"] {
        guard let path = value.string, path.hasPrefix("/") else {
          throw failure("store.database", "expected an absolute path in quotes")
        }
        whole.databasePath = path
      }
    }
    if let remote = try table("remote", in: root) {
      try readRemote(remote, into: &whole.remote)
    }
    var configuration = SandboxConfiguration()
    if let limits = try table("limits", in: root) {
      try readLimits(limits, into: &configuration.limits)
    }
    if let python = try table("python", in: root) {
      try expectOnly(["path", "import_policy"], in: python, prefix: "python.")
      if let value = python["path"] {
        guard let path = value.string, path.hasPrefix("/") else {
          throw failure("python.path", "expected an absolute path in quotes")
        }
        configuration.pythonPath = path
      }
      if let value = python["import_policy"] {
        let names = ImportPolicy.allCases.map(\.rawValue)
        guard let name = value.string, let policy = ImportPolicy(rawValue: name) else {
          throw failure("python.import_policy", "expected one of \(names.joined(separator: ", "))")
        }
        configuration.importPolicy = policy
      }
    }
    if let sandbox = try table("sandbox", in: root) {
      try readSandbox(sandbox, into: &configuration)
    }
    if let run = try table("run", in: root) {
      try expectOnly(["with"], in: run, prefix: "run.")
      if let value = run["with"] {
        let paths = value.array.map { $0.compactMap(\.string) }
        guard let paths, paths.count == value.array?.count, paths.allSatisfy({ $0.hasPrefix("/") }) else {
          throw failure("run.with", "expected a list of absolute paths in quotes")
        }
        configuration.sharedPaths = paths
      }
    }
    whole.sandbox = configuration
    return whole
  }

  /// `[keys]` and its sub-tables, in the order of the file. Values are kept as written: what they
  /// mean is the editor's to judge.
  private func readKeys(_ keys: TOMLTable, lines: [String: Int]) -> [KeyBinding] {
    var bindings: [KeyBinding] = []
    func add(_ context: String?, _ key: String, _ value: TOMLValueConvertible) {
      let command = value.string ?? String(describing: value.tomlValue)
      bindings.append(
        KeyBinding(context: context, key: key, command: command, line: lines["\(context ?? "")\u{0}\(key)"]))
    }
    for key in keys.keys {
      guard let value = keys[key] else { continue }
      if let table = value.table {
        for inner in table.keys { if let innerValue = table[inner] { add(key, inner, innerValue) } }
      } else {
        add(nil, key, value)
      }
    }
    return bindings.enumerated().sorted {
      ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset)
    }.map(\.element)
  }

  private func readLimits(_ table: TOMLTable, into limits: inout ExecutionLimits) throws(ConfigurationError) {
    let fields: [(String, WritableKeyPath<ExecutionLimits, Int>, ClosedRange<Int>)] = [
      ("wall_ms", \.wallMilliseconds, 10...3_600_000),
      ("cpu_ms", \.cpuMilliseconds, 10...3_600_000),
      ("memory_mb", \.memoryMegabytes, 16...65_536),
      ("output_kb", \.outputKilobytes, 1...1_048_576),
      ("processes", \.processes, 1...65_536),
      ("file_size_mb", \.fileSizeMegabytes, 1...65_536),
      ("open_files", \.openFiles, 16...65_536),
    ]
    try expectOnly(fields.map(\.0), in: table, prefix: "limits.")
    for (key, field, range) in fields {
      guard let value = table[key] else { continue }
      guard let number = value.int, range.contains(number) else {
        throw failure("limits.\(key)", "expected an integer from \(range.lowerBound) to \(range.upperBound)")
      }
      limits[keyPath: field] = number
    }
  }

  private func readServer(_ table: TOMLTable, into server: inout ServerSettings) throws(ConfigurationError) {
    let integers: [(String, WritableKeyPath<ServerSettings, Int?>, ClosedRange<Int>)] = [
      ("max_files", \.maximumFiles, 0...4_096),
      ("max_files_kb", \.maximumFileKilobytes, 0...1_048_576),
      ("rate_burst", \.rateBurst, 1...1_000_000),
      ("jobs_per_token", \.jobsPerToken, 1...100_000),
      ("queue_capacity", \.queueCapacity, 1...1_000_000),
    ]
    let numbers: [(String, WritableKeyPath<ServerSettings, Double?>, ClosedRange<Double>)] = [
      ("rate_per_second", \.ratePerSecond, 0.001...1_000_000),
      ("retention_hours", \.retentionHours, 0.01...100_000),
    ]
    try expectOnly(integers.map(\.0) + numbers.map(\.0), in: table, prefix: "server.")
    for (key, field, range) in integers {
      guard let value = table[key] else { continue }
      guard let number = value.int, range.contains(number) else {
        throw failure("server.\(key)", "expected an integer from \(range.lowerBound) to \(range.upperBound)")
      }
      server[keyPath: field] = number
    }
    for (key, field, range) in numbers {
      guard let value = table[key] else { continue }
      guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
        throw failure("server.\(key)", "expected a number from \(range.lowerBound) to \(range.upperBound)")
      }
      server[keyPath: field] = number
    }
  }

  private func readRemote(_ table: TOMLTable, into remote: inout RemoteSettings) throws(ConfigurationError) {
    try expectOnly(["url", "token", "ca_file"], in: table, prefix: "remote.")
    if let value = table["url"] {
      guard let url = value.string, url.hasPrefix("http://") || url.hasPrefix("https://") else {
        throw failure("remote.url", "expected a URL in quotes, starting with http:// or https://")
      }
      remote.url = url
    }
    if let value = table["token"] {
      guard let token = value.string, !token.isEmpty, !token.contains(where: \.isWhitespace) else {
        throw failure("remote.token", "expected the token in quotes, as `coderemote tokens create` prints it")
      }
      remote.token = token
    }
    if let value = table["ca_file"] {
      guard let path = value.string, path.hasPrefix("/") else {
        throw failure("remote.ca_file", "expected an absolute path in quotes")
      }
      remote.caFile = path
    }
  }

  private func readEditor(_ table: TOMLTable, into editor: inout EditorPreferences) throws(ConfigurationError)
  {
    try expectOnly(["indent_width", "tab_width", "auto_close"], in: table, prefix: "editor.")
    for (key, field) in [("indent_width", \EditorPreferences.indentWidth), ("tab_width", \.tabWidth)] {
      guard let value = table[key] else { continue }
      guard let number = value.int, (1...16).contains(number) else {
        throw failure("editor.\(key)", "expected an integer from 1 to 16")
      }
      editor[keyPath: field] = number
    }
    if let value = table["auto_close"] {
      guard let flag = value.bool else { throw failure("editor.auto_close", "expected true or false") }
      editor.autoClose = flag
    }
  }

  private func readSandbox(_ table: TOMLTable, into configuration: inout SandboxConfiguration)
    throws(ConfigurationError)
  {
    let switches: [(String, WritableKeyPath<SandboxConfiguration, Bool>)] = [
      ("cgroups", \.useCgroups), ("seccomp", \.useSeccomp), ("landlock", \.useLandlock),
    ]
    try expectOnly(["namespaces"] + switches.map(\.0) + ["uid_range"], in: table, prefix: "sandbox.")
    if let value = table["namespaces"] {
      let names = SandboxConfiguration.NamespaceChoice.allCases.map(\.rawValue)
      guard let name = value.string, let choice = SandboxConfiguration.NamespaceChoice(rawValue: name) else {
        throw failure("sandbox.namespaces", "expected one of \(names.joined(separator: ", "))")
      }
      configuration.namespaces = choice
    }
    for (key, field) in switches {
      guard let value = table[key] else { continue }
      guard let flag = value.bool else { throw failure("sandbox.\(key)", "expected true or false") }
      configuration[keyPath: field] = flag
    }
    if let value = table["uid_range"] {
      let bounds = value.array.map { $0.compactMap(\.int) } ?? []
      guard bounds.count == 2, bounds[0] >= 1_000, bounds[0] <= bounds[1], bounds[1] < 4_000_000_000 else {
        throw failure("sandbox.uid_range", "expected [first, last] with 1000 <= first <= last")
      }
      configuration.uidRange = UInt32(bounds[0])...UInt32(bounds[1])
    }
  }

  private func table(_ key: String, in root: TOMLTable) throws(ConfigurationError) -> TOMLTable? {
    guard let value = root[key] else { return nil }
    guard let table = value.table else { throw failure(key, "expected a table ([\(key)])") }
    return table
  }

  private func expectOnly(_ known: [String], in table: TOMLTable, prefix: String) throws(ConfigurationError) {
    if let unknown = table.keys.first(where: { !known.contains($0) }) {
      throw failure(prefix + unknown, "unknown key (known: \(known.joined(separator: ", ")))")
    }
  }

  private func failure(_ key: String?, _ problem: String) -> ConfigurationError {
    ConfigurationError(file: path, key: key, problem: problem)
  }
}
