/// One HTTP request the client makes, and the answer it got.
struct HTTPRequest: Sendable {
  enum Method: String, Sendable { case get = "GET", post = "POST" }

  var method: Method
  var url: String
  var headers: [String] = []
  var body: [UInt8]? = nil
  /// The longest the whole exchange may take; nil for a stream, which may last as long as its run.
  var timeoutSeconds: Int? = 60
  /// On a connection of its own rather than one an earlier request left open: for a request that
  /// must not be sent twice (libcurl repeats one whose reused connection turns out dead).
  var freshConnection = false
}

struct HTTPResponse: Sendable {
  var status: Int
  /// Header names lowercased; the last of repeated ones.
  var headers: [String: String]
  var body: [UInt8]

  /// `Retry-After` in seconds, when given as a number (the server never sends a date).
  var retryAfterSeconds: Int? {
    headers["retry-after"].flatMap { Int($0.trimmingCharacters(in: " \t")) }.map { max(0, $0) }
  }
}

extension String {
  /// This string without leading and trailing characters from `set` (FoundationEssentials has no
  /// CharacterSet trimming).
  func trimmingCharacters(in set: String) -> String {
    let characters = Set(set)
    guard let start = firstIndex(where: { !characters.contains($0) }) else { return "" }
    let end = lastIndex(where: { !characters.contains($0) })!
    return String(self[start...end])
  }
}
