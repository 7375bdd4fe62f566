/// Why a request got no HTTP answer, sorted by what the client can do about it.
struct TransportFailure: Error, Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    /// The host name did not resolve.
    case unresolved
    /// No connection was made (refused, unreachable network): nothing was sent, so trying again
    /// cannot run a program twice.
    case notConnected
    /// The connection broke or went silent after the request may have been sent.
    case dropped
    /// The TLS handshake or the certificate check failed: trying again will not help.
    case tls
    /// Our own abort (the run was given up): not a failure of the server.
    case aborted
    /// Anything else libcurl reports (a malformed URL, out of memory…).
    case other
  }

  var kind: Kind
  /// libcurl's words for it, the most specific it gave.
  var message: String

  /// The kind of a libcurl result code (CURLcode; the numbers are libcurl's stable ABI).
  static func kind(curlCode code: Int) -> Kind {
    switch code {
    case 5, 6: .unresolved  // COULDNT_RESOLVE_PROXY, COULDNT_RESOLVE_HOST
    case 7: .notConnected  // COULDNT_CONNECT
    // PARTIAL_FILE, OPERATION_TIMEDOUT, GOT_NOTHING, SEND_ERROR, RECV_ERROR, HTTP2, HTTP2_STREAM,
    // HTTP3
    case 18, 28, 52, 55, 56, 16, 92, 95: .dropped
    // SSL_CONNECT_ERROR, SSL_ENGINE_*, SSL_CERTPROBLEM, SSL_CIPHER, PEER_FAILED_VERIFICATION,
    // SSL_CACERT_BADFILE, SSL_SHUTDOWN_FAILED, SSL_CRL_BADFILE, SSL_ISSUER_ERROR,
    // SSL_PINNEDPUBKEYNOTMATCH, SSL_INVALIDCERTSTATUS, SSL_CLIENTCERT
    case 35, 53, 54, 58, 59, 60, 66, 77, 80, 82, 83, 90, 91, 98: .tls
    case 42: .aborted  // ABORTED_BY_CALLBACK
    default: .other
    }
  }
}
