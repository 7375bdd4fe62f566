import FoundationEssentials
import Glibc

/// Where Code Remote keeps what it keeps, after the XDG base directories: the configuration under
/// `$XDG_CONFIG_HOME` (else `~/.config`), data such as the snippet database under `$XDG_DATA_HOME`
/// (else `~/.local/share`). Relative XDG values are ignored, as the specification says.
public enum Paths {
  /// `$XDG_CONFIG_HOME/coderemote`, else `~/.config/coderemote`.
  public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    base("XDG_CONFIG_HOME", fallback: ".config", environment) + "/coderemote"
  }

  /// `config.toml` in the configuration directory.
  public static func configFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String
  {
    configDirectory(environment: environment) + "/config.toml"
  }

  /// `$XDG_DATA_HOME/coderemote`, else `~/.local/share/coderemote`.
  public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    base("XDG_DATA_HOME", fallback: ".local/share", environment) + "/coderemote"
  }

  /// `$XDG_STATE_HOME/coderemote`, else `~/.local/state/coderemote`: what the editor remembers
  /// for itself (the layout), kept apart from the user's configuration.
  public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    base("XDG_STATE_HOME", fallback: ".local/state", environment) + "/coderemote"
  }

  /// The snippet database: `coderemote.db` in the data directory.
  public static func database(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    dataDirectory(environment: environment) + "/coderemote.db"
  }

  /// `$HOME`, else the home directory of the account running this process.
  public static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let home = environment["HOME"], home.hasPrefix("/") { return home }
    guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return "/" }
    return String(cString: directory)
  }

  private static func base(_ variable: String, fallback: String, _ environment: [String: String]) -> String {
    if let value = environment[variable], value.hasPrefix("/") { return value }
    return home(environment: environment) + "/" + fallback
  }
}
