import Execution
import FoundationEssentials

/// A validated request to run a program, as the queue stores it (JSON) and a worker runs it.
struct Submission: Codable, Equatable, Sendable {
  var language: String
  var code: String
  var stdin: [UInt8]
  var interactive: Bool
  /// Already defaulted and capped by the server's configuration.
  var limits: ExecutionLimits
  /// Written beside the program (nil in jobs queued before files were taken).
  var files: [SubmittedFile]?
  /// What the program's tracebacks call it (nil: `main.py`, and in jobs queued before names were
  /// taken).
  var displayName: String?

  var request: ExecutionRequest {
    ExecutionRequest(
      language: language, code: code, displayName: displayName ?? "main.py", files: (files ?? []).map(\.file),
      stdin: stdin, keepsStdinOpen: interactive, limits: limits)
  }
}

/// The languages this server runs (one today; the list is the API's, `GET /v1/languages`).
enum Languages {
  static let supported = ["python"]
}

extension Submission {
  /// Reads a request body (POST /v1/executions, a WebSocket `execute` message): 400 when it is not
  /// a JSON object, 422 naming the field when a value is missing, of the wrong type or out of range.
  /// Limits the client leaves out take the server's defaults; larger ones are lowered to its caps.
  static func parse(_ body: [UInt8], configuration: ServerConfiguration) throws(APIError) -> Submission {
    let (fields, language, code) = try decodeCode(Body.self, from: body)
    if fields.stdin != nil && fields.stdinBase64 != nil {
      throw .invalid("stdin_b64", "give stdin or stdin_b64, not both")
    }
    var stdin = Array((fields.stdin ?? "").utf8)
    if let encoded = fields.stdinBase64 {
      guard let data = Data(base64Encoded: encoded) else {
        throw .invalid("stdin_b64", "stdin_b64 is not base64")
      }
      stdin = [UInt8](data)
    }
    if let name = fields.displayName, let problem = Self.displayNameProblem(name) {
      throw .invalid("display_name", "display_name \(problem)")
    }
    let files = try Self.files(fields.files ?? [], configuration: configuration)
    let limits = try (fields.limits ?? LimitsBody()).resolved(
      defaults: configuration.defaultLimits, caps: configuration.maximumLimits)
    if let problem = limits.problem {
      throw APIError(ExecutionError.invalidRequest(problem), field: "limits")
    }
    return Submission(
      language: language, code: code, stdin: stdin, interactive: fields.interactive ?? false, limits: limits,
      files: files.isEmpty ? nil : files, displayName: fields.displayName)
  }

  /// A decoding failure in the client's terms: which field, and what was wrong with it.
  static func describe(_ error: DecodingError) -> APIError {
    func path(_ codingPath: [any CodingKey]) -> String {
      codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .typeMismatch(let type, let context):
      return context.codingPath.isEmpty
        ? .badRequest("the body must be a JSON object")
        : .invalid(path(context.codingPath), "\(path(context.codingPath)) must be \(Self.name(of: type))")
    case .valueNotFound(let type, let context):
      return .invalid(path(context.codingPath), "\(path(context.codingPath)) must be \(Self.name(of: type))")
    case .keyNotFound(let key, let context):
      let field = path(context.codingPath + [key])
      return .invalid(field, "\(field) is required")
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? .badRequest("the body is not JSON")
        : .invalid(path(context.codingPath), "\(path(context.codingPath)) is not valid")
    @unknown default:
      return .badRequest("the body is not the expected JSON")
    }
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is Int.Type: "an integer"
    case is [FileBody].Type: "an array"
    default: "an object"
    }
  }

  /// The body's fields, all optional, so a missing one is reported by name.
  private struct Body: CodeFields {
    var language: String?
    var code: String?
    var stdin: String?
    var stdinBase64: String?
    var interactive: Bool?
    var limits: LimitsBody?
    var files: [FileBody]?
    var displayName: String?

    enum CodingKeys: String, CodingKey {
      case language, code, stdin, interactive, limits, files
      case stdinBase64 = "stdin_b64"
      case displayName = "display_name"
    }
  }
}

/// Limits as a client sends them: each optional, each with the smallest value that makes sense.
struct LimitsBody: Decodable {
  var wall_ms: Int?
  var cpu_ms: Int?
  var memory_mb: Int?
  var output_kb: Int?
  var processes: Int?
  var file_size_mb: Int?
  var open_files: Int?

  init() {}

  func resolved(defaults: ExecutionLimits, caps: ExecutionLimits) throws(APIError) -> ExecutionLimits {
    func pick(_ value: Int?, _ field: String, minimum: Int, _ fallback: Int, _ cap: Int) throws(APIError)
      -> Int
    {
      guard let value else { return min(fallback, cap) }
      guard value >= minimum else {
        throw .invalid("limits.\(field)", "limits.\(field) must be at least \(minimum)")
      }
      return min(value, cap)
    }
    return ExecutionLimits(
      wallMilliseconds: try pick(
        wall_ms, "wall_ms", minimum: 10, defaults.wallMilliseconds, caps.wallMilliseconds),
      cpuMilliseconds: try pick(
        cpu_ms, "cpu_ms", minimum: 10, defaults.cpuMilliseconds, caps.cpuMilliseconds),
      memoryMegabytes: try pick(
        memory_mb, "memory_mb", minimum: 16, defaults.memoryMegabytes, caps.memoryMegabytes),
      outputKilobytes: try pick(
        output_kb, "output_kb", minimum: 1, defaults.outputKilobytes, caps.outputKilobytes),
      processes: try pick(processes, "processes", minimum: 1, defaults.processes, caps.processes),
      fileSizeMegabytes: try pick(
        file_size_mb, "file_size_mb", minimum: 1, defaults.fileSizeMegabytes, caps.fileSizeMegabytes),
      openFiles: try pick(open_files, "open_files", minimum: 16, defaults.openFiles, caps.openFiles))
  }
}

/// A request to analyse code: `language`, `code`, `empirical` (default true).
struct AnalysisSubmission: CodeFields {
  var language: String?
  var code: String?
  var empirical: Bool?

  static func parse(_ body: [UInt8]) throws(APIError) -> (code: String, empirical: Bool) {
    let (fields, _, code) = try Submission.decodeCode(AnalysisSubmission.self, from: body)
    return (code, fields.empirical ?? true)
  }
}
