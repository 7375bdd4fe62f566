import Execution
import Testing

@testable import Server

/// Every request that runs code reads its body the same way, with the same words: an execution
/// (`POST /v1/executions`, a WebSocket `execute`), an analysis (`POST /v1/analyses`) and, for the
/// decoding, a stdin chunk.
@Suite struct BodyParsingTests {
  /// What a bad body is answered with, whichever of the two kinds it is sent as.
  static let refusals: [(body: String, error: APIError)] = [
    ("not json", .badRequest("the body is not JSON")),
    ("", .badRequest("the body is not JSON")),
    (#"["python"]"#, .badRequest("the body must be a JSON object")),
    (#""python""#, .badRequest("the body must be a JSON object")),
    (#"{"code":"x"}"#, .invalid("language", "language is required")),
    (#"{"language":null,"code":"x"}"#, .invalid("language", "language is required")),
    (#"{"language":7,"code":"x"}"#, .invalid("language", "language must be a string")),
    (
      #"{"language":"cobol","code":"x"}"#,
      APIError(ExecutionError.unsupportedLanguage("cobol"), field: "language")
    ),
    (#"{"language":"python"}"#, .invalid("code", "code is required")),
    (#"{"language":"python","code":["x"]}"#, .invalid("code", "code must be a string")),
    // The language is checked before the code.
    (#"{"language":"cobol"}"#, APIError(ExecutionError.unsupportedLanguage("cobol"), field: "language")),
  ]

  @Test(arguments: refusals.indices)
  func anExecutionsBadBodyIsNamed(index: Int) {
    let (body, error) = Self.refusals[index]
    #expect(throws: error, "\(body)") {
      try Submission.parse(Array(body.utf8), configuration: ServerConfiguration())
    }
  }

  @Test(arguments: refusals.indices)
  func anAnalysisBadBodyIsNamedAlike(index: Int) {
    let (body, error) = Self.refusals[index]
    #expect(throws: error, "\(body)") { try AnalysisSubmission.parse(Array(body.utf8)) }
  }

  @Test func theFieldsOfEachKindAreRead() throws {
    let execution = try Submission.parse(
      Array(#"{"language":"python","code":"print(1)","stdin":"in"}"#.utf8),
      configuration: ServerConfiguration())
    #expect(
      execution.language == "python" && execution.code == "print(1)" && execution.stdin == Array("in".utf8))
    let analysis = try AnalysisSubmission.parse(
      Array(#"{"language":"python","code":"x = 1","empirical":false}"#.utf8))
    #expect(analysis.code == "x = 1" && !analysis.empirical)
    #expect(try AnalysisSubmission.parse(Array(#"{"language":"python","code":""}"#.utf8)).empirical)
  }

  @Test func aStdinChunkIsDecodedAlike() throws {
    #expect(throws: APIError.badRequest("the body is not JSON")) { try StdinChunk.parse(Array("{".utf8)) }
    #expect(throws: APIError.badRequest("the body must be a JSON object")) {
      try StdinChunk.parse(Array("[]".utf8))
    }
    #expect(throws: APIError.invalid("eof", "eof must be true or false")) {
      try StdinChunk.parse(Array(#"{"data":"x","eof":"yes"}"#.utf8))
    }
    #expect(throws: APIError.invalid("data_b64", "data_b64 is not base64")) {
      try StdinChunk.parse(Array(#"{"data_b64":"%%"}"#.utf8))
    }
    let chunk = try StdinChunk.parse(Array(#"{"data":"typed\n","eof":true}"#.utf8))
    #expect(chunk.bytes == Array("typed\n".utf8) && chunk.eof)
  }
}
