import Editor
import Testing

@Suite struct HighlighterTests {
  static let program = (0..<2_000).map { "value_\($0) = compute('x', \($0))  # note" }.joined(separator: "\n")

  @Test func drawingTheTopDoesNotLexTheWholeFile() {
    var state = EditorState(text: Self.program)
    state.prepareHighlighting(through: 50)
    #expect(state.syntax.linesLexedLastTime == 50)
    #expect(state.highlightSpans(line: 10).first?.kind == .identifier)
  }

  @Test func anEditRelexesOnlyUntilTheStatesAgreeAgain() {
    var state = EditorState(text: Self.program)
    state.prepareHighlighting(through: 1_999)
    state.select(.cursor(state.storage.lineStart(1_000)))
    state.apply(.insert("x"))
    state.prepareHighlighting(through: 1_999)
    #expect(state.syntax.linesLexedLastTime <= 2)
  }

  @Test func openingATripleQuoteRelexesTheLinesBelow() {
    var state = EditorState(text: "a = 1\nb = 2\nc = 3")
    state.prepareHighlighting(through: 2)
    state.apply(.paste("'''"))
    state.prepareHighlighting(through: 2)
    #expect(state.highlightSpans(line: 2).map(\.kind) == [.string])
    state.apply(.undo)
    state.prepareHighlighting(through: 2)
    #expect(state.highlightSpans(line: 2).map(\.kind) == [.identifier, .operator, .number])
  }

  /// The start state of every line, lexing from the top.
  static func exactStates(_ state: EditorState) -> [LexState] {
    var current = LexState.normal
    return (0..<state.lineCount).map { line in
      defer { current = PythonLexer.endState(of: Array(state.line(line).utf8), from: current) }
      return current
    }
  }

  static let bigProgram = (0..<20_000).map { index in
    index % 100 == 0 ? "def f_\(index)():" : "    x = '''a''' + f\"{\(index)}\"  # \(index)"
  }.joined(separator: "\n")

  @Test func aFarJumpLexesNearTheScreenOnlyAndGuessesRightForOrdinaryCode() {
    var state = EditorState(text: Self.bigProgram)
    state.prepareHighlighting(through: 19_999)
    #expect(state.syntax.linesLexedLastTime < 1_500)
    let expected = Self.exactStates(state)
    for line in 19_900..<20_000 { #expect(state.syntax.startState(of: line) == expected[line]) }
  }

  @Test func exactStatesTakeOverFromAWrongGuess() {
    // A module-level string with lines that look like sync points: the guess is wrong there.
    var state = EditorState(text: "doc = '''\n" + Self.bigProgram + "\n'''\nafter = 1")
    let last = state.lineCount - 1
    state.prepareHighlighting(through: last)
    #expect(state.syntax.startState(of: last - 5) == .normal)
    for line in stride(from: 2_500, through: last, by: 2_500) { state.prepareHighlighting(through: line) }
    state.prepareHighlighting(through: last)
    let expected = Self.exactStates(state)
    #expect(state.syntax.startState(of: last - 5) == expected[last - 5])
    #expect(!expected[last - 5].isNormal)
    #expect(state.syntax.startState(of: last) == .normal)
  }

  @Test func editsInAGuessedRegionRelexIncrementally() {
    var state = EditorState(text: Self.bigProgram)
    state.prepareHighlighting(through: 19_999)
    state.select(.cursor(state.storage.lineStart(19_950)))
    state.apply(.paste("'''\n"))
    state.prepareHighlighting(through: 20_000)
    #expect(state.syntax.linesLexedLastTime <= 60)
    let expected = Self.exactStates(state)
    for line in 19_900..<state.lineCount { #expect(state.syntax.startState(of: line) == expected[line]) }
  }
}
