import Arguments
import Execution
import Remote
import Settings

/// `--remote URL [--token T] [--ca-file F]`, shared by `run` and `analyze`: which server, with which
/// token and CA. `--remote default` takes the URL from CODEREMOTE_URL or `[remote] url`; the token
/// and CA come from the flags, else CODEREMOTE_TOKEN, else `[remote]` (docs/configuration.md).
/// Without `--remote` nothing goes to a server, whatever is configured.
struct RemoteOptions {
  static let specs: [CommandSpec.Option] = [
    .value(
      "remote", "url",
      help:
        "Run on a Code Remote server (http[s]://host:port) instead of here; `default` is the configured one."),
    .value("token", "token", help: "The server's access token (else CODEREMOTE_TOKEN, else [remote] token)."),
    .value(
      "ca-file", "file", completion: .file,
      help: "A PEM file of CAs to trust for the server's certificate, besides the system's."),
  ]

  /// The flags as given: nil URL means a local run.
  var flags: RemoteSettings

  init(_ parsed: ParsedCommand) throws(UsageError) {
    flags = RemoteSettings(
      url: parsed.value("remote"), token: parsed.value("token"), caFile: parsed.value("ca-file"))
    if flags.url == nil && (flags.token != nil || flags.caFile != nil) {
      throw parsed.failure("--token and --ca-file go with --remote URL")
    }
  }

  var isRemote: Bool { flags.url != nil }

  /// The backend for the server the flags, the environment and `configuration` name; a URL or token
  /// that cannot be used is a usage error (exit 2).
  func backend(configuration: Configuration, environment: [String: String]) throws(CLIFailure)
    -> RemoteBackend
  {
    var given = flags
    if given.url == "default" { given.url = nil }
    let settings = configuration.remote.overridden(by: given, environment: environment)
    guard let url = settings.url else {
      throw .usage(
        "--remote default: no server configured (set CODEREMOTE_URL or [remote] url in config.toml)")
    }
    do {
      return try RemoteBackend(url: url, token: settings.token, caFile: settings.caFile)
    } catch {
      throw .usage(error.message)
    }
  }
}
