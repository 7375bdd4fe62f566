/// `[remote]`: the Code Remote server the editor's remote target and `--remote` use.
///
/// Each value comes from the first of: a command-line flag, the environment (`CODEREMOTE_URL`,
/// `CODEREMOTE_TOKEN`), `config.toml`. Nothing here makes a run remote by itself: the editor
/// switches target on request, and `coderemote run` goes remote only with `--remote`.
public struct RemoteSettings: Sendable, Equatable {
  /// `http://` or `https://` and the server's address (checked when a backend is made of it).
  public var url: String?
  /// A token from `coderemote tokens create` on the server.
  public var token: String?
  /// A PEM file of CAs to trust besides the system's, for a server with a certificate of its own.
  public var caFile: String?

  public init(url: String? = nil, token: String? = nil, caFile: String? = nil) {
    self.url = url
    self.token = token
    self.caFile = caFile
  }

  /// These settings under the environment's and then the flags' (nil where a flag is not given).
  public func overridden(by flags: RemoteSettings, environment: [String: String]) -> RemoteSettings {
    func nonEmpty(_ value: String?) -> String? { value?.isEmpty == false ? value : nil }
    return RemoteSettings(
      url: flags.url ?? nonEmpty(environment["CODEREMOTE_URL"]) ?? url,
      token: flags.token ?? nonEmpty(environment["CODEREMOTE_TOKEN"]) ?? token,
      caFile: flags.caFile ?? caFile)
  }
}
