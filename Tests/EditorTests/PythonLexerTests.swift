import Editor
import Testing

/// The lexer over tricky Python: each test lists the tokens it expects by text and kind.
@Suite struct PythonLexerTests {
  /// The tokens of `line` (whitespace-free kinds only) as (text, kind) pairs.
  func tokens(_ line: String, from state: LexState = .normal) -> [String] {
    let bytes = Array(line.utf8)
    return PythonLexer.lex(line, from: state).spans.map {
      "\(String(decoding: bytes[$0.range], as: UTF8.self)):\($0.kind)"
    }
  }

  func kinds(_ line: String, of texts: [String]) -> [String] {
    tokens(line).filter { token in texts.contains { token.hasPrefix($0 + ":") } }
  }

  @Test func keywordsBuiltinsAndDefinitions() {
    #expect(
      tokens("def area(r): return pi * r ** 2") == [
        "def:keyword", "area:functionName", "(:punctuation", "r:identifier", "):punctuation",
        "::operator", "return:keyword", "pi:identifier", "*:operator", "r:identifier", "*:operator",
        "*:operator", "2:number",
      ])
    #expect(
      kinds("class Point(object): pass", of: ["class", "Point", "object"]) == [
        "class:keyword", "Point:className", "object:builtin",
      ])
    #expect(
      kinds("x = None if True else len(y)", of: ["None", "True", "len"]) == [
        "None:constant", "True:constant", "len:builtin",
      ])
  }

  @Test func softKeywordsOnlyWhereTheyActAsKeywords() {
    #expect(kinds("match command:", of: ["match"]) == ["match:softKeyword"])
    #expect(kinds("    case [x, _]:", of: ["case", "_"]) == ["case:softKeyword", "_:softKeyword"])
    #expect(kinds("match = re.match(p, s)", of: ["match"]) == ["match:identifier", "match:identifier"])
    #expect(kinds("type Vector = list[float]", of: ["type"]) == ["type:softKeyword"])
    #expect(kinds("print(type(x))", of: ["type"]) == ["type:builtin"])
    #expect(kinds("_ = 5", of: ["_"]) == ["_:identifier"])
  }

  @Test func decorators() {
    #expect(tokens("@app.route(\"/\")").prefix(2) == ["@app.route:decorator", "(:punctuation"])
    #expect(kinds("a @ b", of: ["@"]) == ["@:operator"])
  }

  @Test func numbersInEveryForm() {
    for number in [
      "1_000", "0x_ff", "0XFF", "0o17", "0b1010_1010", "1e-3j", ".5", "1.", "3.14e+10", "10J", "0",
    ] {
      #expect(tokens(number) == ["\(number):number"], "\(number)")
    }
    #expect(tokens("x.real") == ["x:identifier", ".:punctuation", "real:identifier"])
  }

  @Test func stringsWithEveryPrefix() {
    for literal in ["'a'", "\"a\"", "r'\\d'", "b'x'", "u'x'", "Rb'x'", "bR\"x\"", "f'x'", "fr'x'", "RF'x'"] {
      #expect(tokens(literal) == ["\(literal):string"], "\(literal)")
    }
    #expect(tokens("'a\\'b\\n'") == ["'a:string", "\\':escape", "b:string", "\\n:escape", "':string"])
    #expect(tokens("rb'\\'") == ["rb'\\':string"])
    #expect(tokens("x = 'unterminated").last == "'unterminated:string")
  }

  @Test func tripleQuotedStringsCarryAcrossLines() {
    let first = PythonLexer.lex("s = '''start", from: .normal)
    #expect(!first.end.isNormal)
    let middle = PythonLexer.lex("it's \"still\" text", from: first.end)
    #expect(middle.spans.map(\.kind) == [.string])
    #expect(middle.end == first.end)
    let last = PythonLexer.lex("end''' + x", from: middle.end)
    #expect(last.end.isNormal)
    #expect(last.spans.map(\.kind) == [.string, .operator, .identifier])
  }

  @Test func backslashContinuesAOneLineString() {
    let first = PythonLexer.lex("s = 'abc\\", from: .normal)
    #expect(!first.end.isNormal)
    #expect(PythonLexer.lex("def'", from: first.end).end.isNormal)
    #expect(PythonLexer.lex("s = 'abc", from: .normal).end.isNormal)
  }

  @Test func fStringFieldsWithNestedQuotesAndFormatSpecs() {
    #expect(
      tokens("f\"{x!r:>{width}} {{literal}}\"") == [
        "f\":string", "{:interpolation", "x:identifier", "!r:interpolation", "::interpolation",
        ">:string", "{:interpolation", "width:identifier", "}:interpolation", "}:interpolation",
        " {{literal}}\":string",
      ])
    // Python 3.12: the same quote inside a replacement field starts a nested string.
    #expect(
      tokens("f\"{d[\"key\"]}\"") == [
        "f\":string", "{:interpolation", "d:identifier", "[:punctuation", "\"key\":string",
        "]:punctuation", "}:interpolation", "\":string",
      ])
    #expect(kinds("f'{ {\"a\": 1}[\"a\"] }'", of: ["1"]) == ["1:number"])
  }

  @Test func fieldsInTripleQuotedFStringsSpanLines() {
    let open = PythonLexer.lex("f'''{", from: .normal)
    let inside = PythonLexer.lex("  value + 1", from: open.end)
    #expect(inside.spans.map(\.kind) == [.identifier, .operator, .number])
    let close = PythonLexer.lex("}'''", from: inside.end)
    #expect(close.end.isNormal)
  }

  @Test func commentsAndHashesInStrings() {
    #expect(tokens("x = '#' # real") == ["x:identifier", "=:operator", "'#':string", "# real:comment"])
  }
}
