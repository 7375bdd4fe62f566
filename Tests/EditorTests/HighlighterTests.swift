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
}
