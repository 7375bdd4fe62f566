import Editor
import Testing

/// Undo and redo: what a step is, and that undo brings back the text and the selection.
@Suite struct UndoTests {
  func type(_ text: String, into state: inout EditorState, from start: Duration, every gap: Duration) {
    var time = start
    for character in text {
      state.apply(character == "\n" ? .newline : .insert(String(character)), at: time)
      time += gap
    }
  }

  @Test func aTypingBurstIsOneStep() {
    var state = EditorState()
    type("hello", into: &state, from: .zero, every: .milliseconds(100))
    #expect(state.history.undoCount == 1)
    state.apply(.undo)
    #expect(MarkedText.render(state) == "|")
    state.apply(.redo)
    #expect(MarkedText.render(state) == "hello|")
  }

  @Test func undoingBackToTheSavedTextIsUnmodified() {
    var state = EditorState()
    #expect(state.isAtSavedText)
    type("ab", into: &state, from: .zero, every: .milliseconds(100))
    #expect(!state.isAtSavedText)
    state.markSaved()
    #expect(state.isAtSavedText)
    // Typing on in the same burst right after the save: a new step, so undo stops at the save.
    type("cd", into: &state, from: .milliseconds(200), every: .milliseconds(100))
    #expect(!state.isAtSavedText)
    state.apply(.undo)
    #expect(state.text == "ab")
    #expect(state.isAtSavedText)
    state.apply(.undo)
    #expect(!state.isAtSavedText)
    state.apply(.redo)
    #expect(state.isAtSavedText)
    // A different edit from the saved point forks history: the saved step is gone for good.
    state.apply(.undo)
    type("x", into: &state, from: .seconds(5), every: .milliseconds(100))
    #expect(!state.isAtSavedText)
    state.apply(.undo)
    #expect(!state.isAtSavedText)
    #expect(state.text == "")
  }

  @Test func aPauseEndsTheGroup() {
    var state = EditorState()
    type("ab", into: &state, from: .zero, every: .milliseconds(100))
    type("cd", into: &state, from: .seconds(5), every: .milliseconds(100))
    state.apply(.undo)
    #expect(MarkedText.render(state) == "ab|")
  }

  @Test func aCursorJumpEndsTheGroup() {
    var state = EditorState(text: "xy")
    type("ab", into: &state, from: .zero, every: .milliseconds(10))
    state.apply(.move(.documentEnd), at: .milliseconds(30))
    type("cd", into: &state, from: .milliseconds(40), every: .milliseconds(10))
    state.apply(.undo)
    #expect(MarkedText.render(state) == "abxy|")
    state.apply(.undo)
    #expect(MarkedText.render(state) == "|xy")
  }

  @Test func autoIndentBelongsToItsKeystroke() {
    var state = EditorState(text: "if x:")
    state.apply(.move(.documentEnd))
    state.apply(.newline, at: .seconds(10))
    #expect(MarkedText.render(state) == "if x:\n    |")
    state.apply(.undo)
    #expect(MarkedText.render(state) == "if x:|")
  }

  @Test func aPasteIsOneStepOfItsOwn() {
    var state = EditorState()
    type("ab", into: &state, from: .zero, every: .milliseconds(10))
    state.apply(.paste("one\n    two\nthree"), at: .milliseconds(30))
    type("c", into: &state, from: .milliseconds(40), every: .milliseconds(10))
    state.apply(.undo)
    #expect(MarkedText.render(state) == "abone\n    two\nthree|")
    state.apply(.undo)
    #expect(MarkedText.render(state) == "ab|")
  }

  @Test func undoRestoresTheSelection() {
    var state = MarkedText.state("a«bc|d")
    state.apply(.insert("X"))
    #expect(MarkedText.render(state) == "aX|d")
    state.apply(.undo)
    #expect(MarkedText.render(state) == "a«bc|d")
    state.apply(.redo)
    #expect(MarkedText.render(state) == "aX|d")
  }

  @Test func replaceAllIsOneStep() throws {
    var state = EditorState(text: "a b a b a")
    let count = try state.replaceAll(SearchQuery("a"), with: "xyz")
    #expect(count == 3)
    #expect(state.text == "xyz b xyz b xyz")
    state.apply(.undo)
    #expect(state.text == "a b a b a")
  }

  @Test func backspacesGroupApartFromTyping() {
    var state = EditorState()
    type("abc", into: &state, from: .zero, every: .milliseconds(10))
    state.apply(.backspace, at: .milliseconds(40))
    state.apply(.backspace, at: .milliseconds(50))
    #expect(state.text == "a")
    state.apply(.undo)
    #expect(MarkedText.render(state) == "abc|")
    state.apply(.undo)
    #expect(MarkedText.render(state) == "|")
  }

  @Test func aNewEditClearsRedo() {
    var state = EditorState()
    state.apply(.insert("a"))
    state.apply(.undo)
    state.apply(.insert("b"))
    state.apply(.redo)
    #expect(state.text == "b")
    #expect(!state.history.canRedo)
  }
}
