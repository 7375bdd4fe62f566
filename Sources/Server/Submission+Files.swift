import Execution
import FoundationEssentials

/// A file of a submission as the queue stores it: its bytes in base64 (JSON's `Data`).
struct SubmittedFile: Codable, Equatable, Sendable {
  var name: String
  var contents: Data

  var file: ExecutionFile { ExecutionFile(name: name, contents: [UInt8](contents)) }
}

extension Submission {
  /// A request's `files`, as a client sends them: each field optional, so a missing one is named.
  struct FileBody: Decodable {
    var name: String?
    var content: String?
    var contentBase64: String?

    enum CodingKeys: String, CodingKey {
      case name, content
      case contentBase64 = "content_b64"
    }
  }

  /// Checks `files` against the server's caps and the naming rules; every problem found is named
  /// (the first in `field`, all of them in `fields` and the message), so a client fixes them at once.
  static func files(_ bodies: [FileBody], configuration: ServerConfiguration) throws(APIError)
    -> [SubmittedFile]
  {
    if bodies.count > configuration.maximumFiles {
      throw .invalid("files", "files holds \(bodies.count) files; the most is \(configuration.maximumFiles)")
    }
    var problems: [(field: String, message: String)] = []
    var files: [SubmittedFile] = []
    for (index, body) in bodies.enumerated() {
      let field = "files.\(index)"
      var bytes: Data?
      switch (body.content, body.contentBase64) {
      case (let text?, nil): bytes = Data(text.utf8)
      case (nil, let encoded?):
        bytes = Data(base64Encoded: encoded)
        if bytes == nil { problems.append((field + ".content_b64", "\(field).content_b64 is not base64")) }
      case (nil, nil): problems.append((field + ".content", "\(field) needs content or content_b64"))
      case (_?, _?):
        problems.append((field + ".content_b64", "\(field): give content or content_b64, not both"))
      }
      guard let name = body.name else {
        problems.append((field + ".name", "\(field).name is required"))
        continue
      }
      if let problem = ExecutionFile.nameProblem(name) {
        problems.append((field + ".name", "\(field).name: \(problem)"))
      } else if let bytes {
        files.append(SubmittedFile(name: name, contents: bytes))
      }
    }
    if problems.isEmpty, let (index, problem) = ExecutionFile.conflict(in: files.map(\.file)) {
      problems.append(("files.\(index).name", "files.\(index).name: \(problem)"))
    }
    if let first = problems.first {
      var error = APIError.invalid(first.field, problems.map(\.message).joined(separator: "; "))
      if problems.count > 1 { error.fields = problems.map(\.field) }
      throw error
    }
    let total = files.reduce(0) { $0 + $1.contents.count }
    if total > configuration.maximumFileBytes {
      throw .invalid(
        "files", "the files hold \(total) bytes together; the most is \(configuration.maximumFileBytes)")
    }
    return files
  }
}
