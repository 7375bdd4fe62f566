import Execution

/// A Code Remote server's address: `http://` or `https://`, a host (a name, an IPv4 address or an
/// IPv6 one in brackets), an optional port and an optional path prefix (a server behind a proxy at
/// `https://example.org/coderemote`). Credentials in the URL are refused: a token goes in a header.
public struct RemoteEndpoint: Sendable, Equatable {
  /// The URL without a trailing slash; routes are appended to it.
  public let baseURL: String
  /// `host` or `host:port` as given: how messages and the status bar name the server.
  public let server: String
  public let usesTLS: Bool

  public init(_ url: String) throws(ExecutionError) {
    let trimmed = url.trimmingCharacters(in: " \t\r\n")
    func refuse(_ why: String) -> ExecutionError {
      .invalidRequest("the server URL \(trimmed.isEmpty ? "(empty)" : trimmed) \(why)")
    }
    let lowered = trimmed.lowercased()
    let scheme: String
    if lowered.hasPrefix("https://") {
      scheme = "https"
    } else if lowered.hasPrefix("http://") {
      scheme = "http"
    } else {
      throw refuse("must start with http:// or https://")
    }
    let rest = trimmed.dropFirst(scheme.count + 3)
    guard !rest.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }) else {
      throw refuse("may hold no spaces, query or fragment")
    }
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let authority = rest[..<slash]
    var path = String(rest[slash...])
    while path.hasSuffix("/") { path.removeLast() }
    guard !authority.contains("@") else {
      throw refuse("may not hold a user or password: give the token with --token or CODEREMOTE_TOKEN")
    }
    let host: Substring
    let port: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { throw refuse("has an unclosed [ in its host") }
      host = authority[...close]
      let after = authority[authority.index(after: close)...]
      guard after.isEmpty || after.hasPrefix(":") else { throw refuse("has something after its IPv6 host") }
      port = after.isEmpty ? nil : after.dropFirst()
    } else if let colon = authority.firstIndex(of: ":") {
      host = authority[..<colon]
      port = authority[authority.index(after: colon)...]
    } else {
      host = authority
      port = nil
    }
    guard host.count > (host.hasPrefix("[") ? 2 : 0) else { throw refuse("has no host") }
    if let port {
      guard let number = Int(port), (1...65_535).contains(number), port.allSatisfy(\.isNumber) else {
        throw refuse("has a port that is not from 1 to 65535")
      }
    }
    baseURL = "\(scheme)://\(authority)\(path)"
    server = String(authority)
    usesTLS = scheme == "https"
  }

  /// The full URL of a route (`/v1/executions`).
  func url(_ route: String) -> String { baseURL + route }
}
