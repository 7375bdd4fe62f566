import Execution
import FoundationEssentials

/// Everything `config.toml` can say: how runs are sandboxed, and how the editor and screen behave.
/// The Engine holds the interface settings as plain values; the TUI applies them.
public struct Configuration: Sendable, Equatable {
  public var sandbox = SandboxConfiguration()
  public var editor = EditorPreferences()
  /// A theme name or path (`[ui] theme`); nil is the built-in theme.
  public var theme: String?
  /// The snippet database (`[store] database`); nil is `Paths.database()`.
  public var databasePath: String?
  /// `[keys]`: the user's key bindings, as written (the editor checks them).
  public var keyBindings: [KeyBinding] = []
  /// `[server]`, for `coderemote serve`.
  public var server = ServerSettings()
  /// `[remote]`: the server for the editor's remote target and `--remote`.
  public var remote = RemoteSettings()

  public init() {}

  /// The snippet database to use: `--db` when given, else the configured one, else the default.
  public func database(
    override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    override ?? databasePath ?? Paths.database(environment: environment)
  }

  public static let `default` = Configuration()

  /// The configuration file's settings over the defaults; the defaults when there is no file.
  public static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(ConfigurationError) -> Configuration
  {
    let path = Paths.configFile(environment: environment)
    guard FileManager.default.fileExists(atPath: path) else { return .default }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw ConfigurationError(file: path, key: nil, problem: "cannot be read as UTF-8 text")
    }
    return try ConfigurationFile(path: path).parse(text)
  }
}

/// `[editor]`: indentation and typing helpers.
public struct EditorPreferences: Sendable, Equatable {
  /// Spaces per indent level (Tab inserts spaces, never a tab).
  public var indentWidth = 4
  /// Columns between tab stops when drawing a tab already in a file.
  public var tabWidth = 4
  /// Typing an opening bracket or quote also types its partner.
  public var autoClose = true

  public init() {}
}
