/// Why bytes could not become editable text. The editor refuses such text rather than replacing
/// bytes it cannot decode: saving would otherwise silently change the file.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bytes are not UTF-8; `offset` is the first bad byte, `line` and `column` (1-based, in
  /// bytes) where it sits.
  case invalidUTF8(offset: Int, line: Int, column: Int)

  public var description: String {
    switch self {
    case .invalidUTF8(let offset, let line, let column):
      return "not valid UTF-8: bad byte at line \(line), column \(column) (byte offset \(offset))"
    }
  }

  /// Checks `bytes`, returning the error for the first invalid sequence, or nil if they are UTF-8.
  static func firstProblem<C: Collection<UInt8>>(in bytes: C) -> TextDecodingError? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    var line = 1
    var lineStart = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" {
          line += 1
          lineStart = offset
        }
      case .emptyInput:
        return nil
      case .error:
        return .invalidUTF8(offset: offset, line: line, column: offset - lineStart + 1)
      }
    }
  }
}
