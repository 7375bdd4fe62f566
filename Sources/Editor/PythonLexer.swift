/// A line-at-a-time Python lexer for highlighting. It never sees more than one line: what carries
/// over a line break (an open triple-quoted string, f-string fields inside it, a backslash-continued
/// string) is in the `LexState` it starts from and returns.
///
/// It knows keywords and soft keywords, builtins, decorators, the names defined by `def` and
/// `class`, numbers in every form (`1_000`, `0x_ff`, `1e-3j`, `.5`), strings with every prefix,
/// escapes, f-string replacement fields with nested quotes (Python 3.12) and format specs,
/// comments and operators.
public enum PythonLexer {
  /// The tokens of `line` (byte ranges relative to its start) and the state the next line starts in.
  public static func lex(_ line: String, from state: LexState) -> (spans: [HighlightSpan], end: LexState) {
    lex(Array(line.utf8), from: state)
  }

  public static func lex(_ bytes: [UInt8], from state: LexState) -> (spans: [HighlightSpan], end: LexState) {
    var lexer = LineLexer(bytes: bytes, contexts: state.contexts, emitting: true)
    lexer.run()
    return (lexer.spans, LexState(contexts: lexer.contexts))
  }

  /// Only the state after the line: what the highlighter needs for lines it is not drawing.
  public static func endState(of bytes: [UInt8], from state: LexState) -> LexState {
    var lexer = LineLexer(bytes: bytes, contexts: state.contexts, emitting: false)
    lexer.run()
    return LexState(contexts: lexer.contexts)
  }

  static let keywords: Set<String> = [
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
    "or", "pass", "raise", "return", "try", "while", "with", "yield",
  ]
  static let constants: Set<String> = ["True", "False", "None"]
  static let builtins: Set<String> = [
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
    "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod",
    "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals",
    "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
    "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow",
    "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
    "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "self", "cls",
    "__name__", "__file__", "NotImplemented", "Ellipsis", "Exception", "BaseException", "ValueError",
    "TypeError", "KeyError", "IndexError", "AttributeError", "RuntimeError", "StopIteration",
    "ZeroDivisionError", "NameError", "ImportError", "OSError", "AssertionError", "NotImplementedError",
  ]
  static let stringPrefixes: Set<String> = [
    "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt",
  ]
}

/// The lexer's working state for one line.
private struct LineLexer {
  let bytes: [UInt8]
  var contexts: [LexState.Context]
  let emitting: Bool
  var spans: [HighlightSpan] = []
  var i = 0
  /// Whether a token has been seen on this line yet (decorators and soft keywords come first).
  var sawToken = false
  /// The kind the next name gets after `def` or `class`.
  var pendingDefinition: TokenKind?
  /// Set after a leading `case` soft keyword, where `_` is the wildcard.
  var inCasePattern = false
  /// A string's backslash at the very end of the line carries the string on.
  var continued = false

  init(bytes: [UInt8], contexts: [LexState.Context], emitting: Bool) {
    self.bytes = bytes
    self.contexts = contexts
    self.emitting = emitting
  }

  var n: Int { bytes.count }

  /// Records a token, joining it to the previous one when they are one run of the same kind
  /// (a string's prefix, quotes and text; but each operator stays its own token).
  mutating func emit(_ range: Range<Int>, _ kind: TokenKind) {
    guard emitting && !range.isEmpty else { return }
    if kind == .string, let last = spans.last, last.kind == .string, last.range.upperBound == range.lowerBound
    {
      spans[spans.count - 1].range = last.range.lowerBound..<range.upperBound
    } else {
      spans.append(HighlightSpan(range, kind))
    }
  }

  func byte(_ at: Int) -> UInt8? { at < n ? bytes[at] : nil }

  mutating func run() {
    while i < n {
      if case .string(let style)? = contexts.last {
        lexStringBody(style)
      } else {
        lexCode()
      }
    }
    // Only triple-quoted strings (and fields inside them) outlive the line, unless a backslash
    // carried a one-line string on.
    if !continued,
      let firstShort = contexts.firstIndex(where: { if case .string(let s) = $0 { !s.triple } else { false } }
      )
    {
      contexts.removeSubrange(firstShort...)
    }
  }

  // MARK: Strings

  mutating func lexStringBody(_ style: LexState.StringStyle) {
    var start = i
    while i < n {
      let c = bytes[i]
      if c == UInt8(ascii: "\\") {
        if i + 1 >= n {
          continued = true
          i += 1
          break
        }
        if style.raw {
          i += 2
          continue
        }
        emit(start..<i, .string)
        let end = escapeEnd(from: i)
        emit(i..<end, .escape)
        i = end
        start = i
        continue
      }
      if style.formatted && (c == UInt8(ascii: "{") || c == UInt8(ascii: "}")) {
        if byte(i + 1) == c {
          i += 2
          continue
        }
        if c == UInt8(ascii: "{") {
          emit(start..<i, .string)
          emit(i..<(i + 1), .interpolation)
          i += 1
          contexts.append(.field(depth: 0, inFormatSpec: false))
          return
        }
      }
      if c == style.quote {
        if !style.triple || (byte(i + 1) == c && byte(i + 2) == c) {
          i += style.triple ? 3 : 1
          emit(start..<i, .string)
          contexts.removeLast()
          return
        }
      }
      i += 1
    }
    emit(start..<i, .string)
  }

  /// Where the escape sequence starting at the backslash at `at` ends.
  func escapeEnd(from at: Int) -> Int {
    var end = at + 2
    switch byte(at + 1) {
    case UInt8(ascii: "x"): end += 2
    case UInt8(ascii: "u"): end += 4
    case UInt8(ascii: "U"): end += 8
    case UInt8(ascii: "N"):
      if byte(end) == UInt8(ascii: "{") {
        while end < n && bytes[end] != UInt8(ascii: "}") { end += 1 }
        end += 1
      }
    case let digit? where digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "7"):
      while end < at + 4 && end < n && bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "7") {
        end += 1
      }
    default: break
    }
    return min(end, n)
  }

  mutating func startString(prefixStart: Int, prefix: String) {
    let quote = bytes[i]
    let triple = byte(i + 1) == quote && byte(i + 2) == quote
    let style = LexState.StringStyle(
      quote: quote, triple: triple, raw: prefix.contains("r"),
      formatted: prefix.contains("f") || prefix.contains("t"))
    i += triple ? 3 : 1
    emit(prefixStart..<i, .string)
    contexts.append(.string(style))
  }

  // MARK: Code

  mutating func lexCode() {
    let c = bytes[i]
    if case .field(let depth, let inFormatSpec)? = contexts.last {
      if inFormatSpec { return lexFormatSpec() }
      if depth == 0 {
        switch c {
        case UInt8(ascii: "}"):
          emit(i..<(i + 1), .interpolation)
          i += 1
          contexts.removeLast()
          return
        case UInt8(ascii: "!") where byte(i + 1) != UInt8(ascii: "="):
          emit(i..<min(n, i + 2), .interpolation)
          i = min(n, i + 2)
          return
        case UInt8(ascii: ":"):
          emit(i..<(i + 1), .interpolation)
          i += 1
          contexts[contexts.count - 1] = .field(depth: 0, inFormatSpec: true)
          return
        default: break
        }
      }
    }
    let start = i
    switch c {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C, 0x0D:
      i += 1
      return
    case UInt8(ascii: "#"):
      i = n
      emit(start..<n, .comment)
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      lexNumber()
    case UInt8(ascii: ".") where byte(i + 1).map(Self.isDigit) == true:
      lexNumber()
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      startString(prefixStart: i, prefix: "")
    case UInt8(ascii: "@") where !sawToken:
      i += 1
      while i < n && (Self.isIdentifier(bytes[i]) || bytes[i] == UInt8(ascii: ".")) { i += 1 }
      emit(start..<i, .decorator)
    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
      adjustFieldDepth(by: 1)
      i += 1
      emit(start..<i, .punctuation)
    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
      adjustFieldDepth(by: -1)
      i += 1
      emit(start..<i, .punctuation)
    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "\\"):
      i += 1
      emit(start..<i, .punctuation)
    case _ where Self.isIdentifierStart(c):
      lexName()
    case _ where Self.operatorBytes.contains(c):
      i += 1
      emit(start..<i, .operator)
    default:
      i += 1
    }
    sawToken = true
  }

  mutating func adjustFieldDepth(by delta: Int) {
    guard case .field(let depth, let spec)? = contexts.last else { return }
    contexts[contexts.count - 1] = .field(depth: max(0, depth + delta), inFormatSpec: spec)
  }

  /// A format spec is literal text that may hold nested fields: `{x:>{width}}`.
  mutating func lexFormatSpec() {
    let start = i
    while i < n && bytes[i] != UInt8(ascii: "{") && bytes[i] != UInt8(ascii: "}") { i += 1 }
    emit(start..<i, .string)
    guard i < n else { return }
    emit(i..<(i + 1), .interpolation)
    if bytes[i] == UInt8(ascii: "{") {
      contexts.append(.field(depth: 0, inFormatSpec: false))
    } else {
      contexts.removeLast()
    }
    i += 1
  }

  mutating func lexNumber() {
    let start = i
    if bytes[i] == UInt8(ascii: "0"), let radix = byte(i + 1).map({ $0 | 0x20 }),
      radix == UInt8(ascii: "x") || radix == UInt8(ascii: "o") || radix == UInt8(ascii: "b")
    {
      i += 2
      while i < n && (Self.isHexDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_")) { i += 1 }
    } else {
      skipDigits()
      if byte(i) == UInt8(ascii: ".") {
        i += 1
        skipDigits()
      }
      if byte(i).map({ $0 | 0x20 }) == UInt8(ascii: "e") {
        var j = i + 1
        if byte(j) == UInt8(ascii: "+") || byte(j) == UInt8(ascii: "-") { j += 1 }
        if byte(j).map(Self.isDigit) == true {
          i = j
          skipDigits()
        }
      }
      if byte(i).map({ $0 | 0x20 }) == UInt8(ascii: "j") { i += 1 }
    }
    emit(start..<i, .number)
  }

  mutating func skipDigits() {
    while i < n && (Self.isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_")) { i += 1 }
  }

  mutating func lexName() {
    let start = i
    while i < n && Self.isIdentifier(bytes[i]) { i += 1 }
    if let next = byte(i), next == UInt8(ascii: "\"") || next == UInt8(ascii: "'"), i - start <= 2 {
      let prefix = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
      if PythonLexer.stringPrefixes.contains(prefix) {
        return startString(prefixStart: start, prefix: prefix)
      }
    }
    guard emitting else { return }
    let name = String(decoding: bytes[start..<i], as: UTF8.self)
    let kind = classify(name)
    emit(start..<i, kind)
  }

  mutating func classify(_ name: String) -> TokenKind {
    if let definition = pendingDefinition {
      pendingDefinition = nil
      return definition
    }
    if PythonLexer.keywords.contains(name) {
      if name == "def" { pendingDefinition = .functionName }
      if name == "class" { pendingDefinition = .className }
      return .keyword
    }
    if PythonLexer.constants.contains(name) { return .constant }
    if isSoftKeyword(name) { return .softKeyword }
    return PythonLexer.builtins.contains(name) ? .builtin : .identifier
  }

  /// `match` and `case` open a block on their line; `type` starts an alias (`type X = …`,
  /// `type X[T] = …`); `_` is the wildcard of a `case` pattern.
  mutating func isSoftKeyword(_ name: String) -> Bool {
    switch name {
    case "match", "case":
      guard !sawToken, let next = nextNonBlank(), !"=.,)]:".utf8.contains(next), opensBlock() else {
        return false
      }
      inCasePattern = name == "case"
      return true
    case "type":
      guard !sawToken, let next = nextNonBlank(), Self.isIdentifierStart(next) else { return false }
      var j = i
      while j < n && (bytes[j] == UInt8(ascii: " ")) { j += 1 }
      while j < n && Self.isIdentifier(bytes[j]) { j += 1 }
      while j < n && (bytes[j] == UInt8(ascii: " ")) { j += 1 }
      return byte(j) == UInt8(ascii: "=") || byte(j) == UInt8(ascii: "[")
    case "_":
      return inCasePattern
    default:
      return false
    }
  }

  func nextNonBlank() -> UInt8? {
    var j = i
    while j < n && (bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t")) { j += 1 }
    return byte(j)
  }

  /// Whether the line's code (before a comment) ends with `:`.
  func opensBlock() -> Bool {
    let code = bytes.prefix { $0 != UInt8(ascii: "#") }
    return code.last { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } == UInt8(ascii: ":")
  }

  static let operatorBytes = Set("+-*/%=<>!&|^~:@?".utf8)

  static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
  static func isHexDigit(_ b: UInt8) -> Bool {
    isDigit(b) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "f"))
  }
  static func isIdentifierStart(_ b: UInt8) -> Bool {
    (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_") || b >= 0x80
  }
  static func isIdentifier(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }
}
