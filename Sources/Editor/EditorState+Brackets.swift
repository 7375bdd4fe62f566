/// Matching brackets: only brackets in code count — the lexer tells strings and comments apart, so
/// `f("(")` still matches its own parentheses.
extension EditorState {
  static let bracketPartners: [UInt8: UInt8] = [
    UInt8(ascii: "("): UInt8(ascii: ")"), UInt8(ascii: "["): UInt8(ascii: "]"),
    UInt8(ascii: "{"): UInt8(ascii: "}"),
  ]

  /// The bracket just after `offset` (or else just before it) and the bracket matching it,
  /// looking at most `lineLimit` lines away.
  public func bracketPair(near offset: Int, lineLimit: Int = 5_000) -> (bracket: Int, match: Int)? {
    for candidate in [offset, offset - 1] where candidate >= 0 && candidate < storage.byteCount {
      if let match = matchingBracket(at: candidate, lineLimit: lineLimit) { return (candidate, match) }
    }
    return nil
  }

  /// The partner of the code bracket at `offset`, counting nesting of the same kind.
  func matchingBracket(at offset: Int, lineLimit: Int) -> Int? {
    let byte = storage.byte(at: offset)
    let opener = Self.bracketPartners.first { $0.value == byte }?.key
    guard Self.bracketPartners[byte] != nil || opener != nil else { return nil }
    let line = storage.line(containing: offset)
    let code = codeBytes(ofLine: line, from: syntax.startState(of: line))
    let column = offset - storage.lineStart(line)
    guard code.isCode[column] else { return nil }
    var depth = 0
    if let closer = Self.bracketPartners[byte] {
      var state = code.end
      var current = (line: line, code: code, from: column)
      while current.line - line <= lineLimit {
        for i in current.from..<current.code.bytes.count where current.code.isCode[i] {
          if current.code.bytes[i] == byte {
            depth += 1
          } else if current.code.bytes[i] == closer {
            depth -= 1
          }
          if depth == 0 { return storage.lineStart(current.line) + i }
        }
        guard current.line + 1 < lineCount else { return nil }
        let next = codeBytes(ofLine: current.line + 1, from: state)
        state = next.end
        current = (current.line + 1, next, 0)
      }
    } else if let opener {
      var current = (line: line, code: code, through: column)
      while line - current.line <= lineLimit {
        for i in stride(from: current.through, through: 0, by: -1) where current.code.isCode[i] {
          if current.code.bytes[i] == byte {
            depth += 1
          } else if current.code.bytes[i] == opener {
            depth -= 1
          }
          if depth == 0 { return storage.lineStart(current.line) + i }
        }
        guard current.line > 0 else { return nil }
        let previous = current.line - 1
        let previousCode = codeBytes(ofLine: previous, from: syntax.startState(of: previous))
        current = (previous, previousCode, previousCode.bytes.count - 1)
      }
    }
    return nil
  }

  /// A line's bytes, which of them are code (not in a string or comment), and the state after it.
  private func codeBytes(ofLine line: Int, from state: LexState) -> (
    bytes: [UInt8], isCode: [Bool], end: LexState
  ) {
    let bytes = storage.bytes(in: storage.lineRange(line))
    let lexed = PythonLexer.lex(bytes, from: state)
    var isCode = [Bool](repeating: true, count: bytes.count)
    for span in lexed.spans where span.kind == .string || span.kind == .comment || span.kind == .escape {
      for i in span.range { isCode[i] = false }
    }
    return (bytes, isCode, lexed.end)
  }

  mutating func jumpToMatchingBracket() {
    guard let pair = bracketPair(near: selection.head) else { return }
    moveHead(to: pair.match, extend: false)
  }
}
