import FoundationEssentials
import Settings

/// Finds a theme by name: `NAME.toml` in the theme directories, or a path to a file.
public enum ThemeCatalog {
  /// Where themes are looked for, first match wins: $CODEREMOTE_THEME_PATH (colon-separated),
  /// then the user's config and data directories, then the system share directories.
  public static func directories(environment: [String: String]) -> [String] {
    let home = Paths.home(environment: environment)
    let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
    let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/share"
    let extra = (environment["CODEREMOTE_THEME_PATH"] ?? "").split(separator: ":").map(String.init)
    return extra + [
      "\(config)/coderemote/themes", "\(data)/coderemote/themes", "/usr/local/share/coderemote/themes",
      "/usr/share/coderemote/themes",
    ]
  }

  /// The theme `nameOrPath` names. "default" is always there, built in, when no file overrides it.
  public static func load(_ nameOrPath: String, environment: [String: String]) throws(ThemeFile.Failure)
    -> Theme
  {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
      return try ThemeFile.load(path: nameOrPath)
    }
    for directory in directories(environment: environment) {
      let path = "\(directory)/\(nameOrPath).toml"
      if FileManager.default.fileExists(atPath: path) { return try ThemeFile.load(path: path) }
    }
    if nameOrPath == "default" { return .standard }
    throw ThemeFile.Failure(
      file: "\(nameOrPath).toml", key: nil,
      problem: "not found in \(directories(environment: environment).joined(separator: ", "))")
  }
}

extension ThemeCatalog {
  /// The names of the themes there are (`default` and every `NAME.toml` in the directories),
  /// sorted, each once.
  public static func names(environment: [String: String]) -> [String] {
    var names: Set<String> = ["default"]
    for directory in directories(environment: environment) {
      for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      where file.hasSuffix(".toml") {
        names.insert(String(file.dropLast(".toml".count)))
      }
    }
    return names.sorted()
  }
}
