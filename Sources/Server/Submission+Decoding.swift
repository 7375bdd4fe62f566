import Execution
import FoundationEssentials

/// The fields every request that runs code has, optional so that a missing one is named.
protocol CodeFields: Decodable {
  var language: String? { get }
  var code: String? { get }
}

extension Submission {
  /// `body` as `Fields`: 400 when it is not JSON or not an object, 422 naming a field of the wrong
  /// type.
  static func decode<Fields: Decodable>(_ type: Fields.Type, from body: [UInt8]) throws(APIError) -> Fields {
    do {
      return try JSONDecoder().decode(type, from: Data(body))
    } catch let error as DecodingError {
      throw Self.describe(error)
    } catch {
      throw .badRequest("the body is not JSON")
    }
  }

  /// `body` as the fields of a request that runs code (an execution, an analysis), with what every
  /// such request needs checked: a `language` this server runs, and `code` (422 naming each).
  static func decodeCode<Fields: CodeFields>(_ type: Fields.Type, from body: [UInt8]) throws(APIError) -> (
    fields: Fields, language: String, code: String
  ) {
    let fields = try decode(type, from: body)
    guard let language = fields.language else { throw .invalid("language", "language is required") }
    guard Languages.supported.contains(language) else {
      throw APIError(ExecutionError.unsupportedLanguage(language), field: "language")
    }
    guard let code = fields.code else { throw .invalid("code", "code is required") }
    return (fields, language, code)
  }
}
