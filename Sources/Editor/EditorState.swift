/// The document being edited: its text, the selection, undo history, the internal clipboard
/// register and the syntax highlighting state. Pure: no terminal, no files, no clock — the time an
/// edit happens is passed in, and only decides how typing groups into undo steps.
///
/// Every change to the text goes through `perform(_:kind:time:selectionAfter:)`, which applies one
/// `Edit`, records its inverse, maps the selection and tells the highlighter which lines changed.
public struct EditorState: Sendable, Equatable {
  public private(set) var storage: TextStorage
  public internal(set) var selection = Selection.cursor(0)
  public var settings: EditorSettings
  public internal(set) var history = History()
  /// The internal clipboard: what cut and copy took, what paste-register puts back.
  public internal(set) var register = ""
  /// Set when the register holds whole lines (copied with nothing selected): they paste above the
  /// cursor's line instead of at the cursor.
  var registerIsLinewise = false
  /// The screen column vertical movement aims for, kept across short lines.
  var goalColumn: Int?
  public private(set) var syntax = SyntaxHighlighter()
  /// Grows with every change to the text, so views can tell when their caches went stale.
  public private(set) var version = 0

  public init(text: String = "", settings: EditorSettings = EditorSettings()) {
    self.init(storage: TextStorage(text), settings: settings)
  }

  public init(storage: TextStorage, settings: EditorSettings = EditorSettings()) {
    self.storage = storage
    self.settings = settings
  }

  // MARK: Reading

  public var text: String { storage.string }
  public var lineCount: Int { storage.lineCount }
  /// The text of a line, without its newline.
  public func line(_ index: Int) -> String { storage.line(index) }
  /// Where the cursor (the selection's head) is, as line and grapheme column.
  public var cursor: Position { position(of: selection.head) }
  public var selectedText: String { storage.string(in: selection.range) }

  public func position(of offset: Int) -> Position {
    let line = storage.line(containing: offset)
    let start = storage.lineStart(line)
    return Position(line: line, column: storage.string(in: start..<offset).count)
  }

  /// The offset of a position, clamped to the text (a column past the end is the line's end).
  public func offset(of position: Position) -> Int {
    let line = min(max(0, position.line), lineCount - 1)
    let start = storage.lineStart(line)
    let text = storage.line(line)
    let index = text.index(text.startIndex, offsetBy: max(0, position.column), limitedBy: text.endIndex)
    return start + text.utf8.distance(from: text.startIndex, to: index ?? text.endIndex)
  }

  /// The line holding `offset`, its start, its text and where `offset` falls in it (in bytes).
  func lineAround(_ offset: Int) -> (line: Int, start: Int, text: String, inLine: Int) {
    let line = storage.line(containing: offset)
    let start = storage.lineStart(line)
    return (line, start, storage.line(line), offset - start)
  }

  // MARK: Selection

  /// Selects a range (offsets clamped to the text); closes the open undo group.
  public mutating func select(_ newSelection: Selection) {
    selection = Selection(
      anchor: min(max(0, newSelection.anchor), storage.byteCount),
      head: min(max(0, newSelection.head), storage.byteCount))
    goalColumn = nil
    history.seal()
  }

  /// Moves the cursor to `offset`, or only the head when extending the selection.
  mutating func moveHead(to offset: Int, extend: Bool, keepGoal: Bool = false) {
    let goal = goalColumn
    select(Selection(anchor: extend ? selection.anchor : offset, head: offset))
    if keepGoal { goalColumn = goal }
  }

  // MARK: Commands

  /// Carries out a command. `time` (any monotonic clock, as a duration since a fixed start) lets
  /// quick typing join one undo step; without it every edit is a step of its own.
  public mutating func apply(_ command: EditorCommand, at time: Duration? = nil) {
    switch command {
    case .insert(let text): type(text, at: time)
    case .paste(let text): replaceSelection(with: text, kind: .standalone, time: time)
    case .newline: insertNewline(at: time)
    case .backspace: deleteBackward(at: time)
    case .deleteForward: deleteForward(at: time)
    case .indent: indent(at: time)
    case .dedent: dedentLines(at: time)
    case .toggleComment: toggleComment(at: time)
    case .move(let movement, let extend): move(movement, extend: extend)
    case .goToLine(let number): goToLine(number)
    case .selectAll: select(Selection(anchor: 0, head: storage.byteCount))
    case .selectWord: selectWord()
    case .selectLine: selectLines()
    case .collapseSelection: select(.cursor(selection.head))
    case .jumpToMatchingBracket: jumpToMatchingBracket()
    case .cut: cut(at: time)
    case .copy: copy()
    case .pasteRegister: pasteRegister(at: time)
    case .undo: undo()
    case .redo: redo()
    }
  }

  /// Applies one edit as one change: records it for undo (grouping it by `kind` and `time`), moves
  /// the selection (to `selectionAfter`, or mapped through the edit) and updates the highlighter.
  mutating func perform(
    _ edit: Edit, kind: History.Kind, time: Duration?, selectionAfter: Selection? = nil
  ) {
    guard !edit.isEmpty else { return }
    let before = selection
    let inverse = edit.inverted(against: storage)
    let after = selectionAfter ?? selection.mapped(through: edit)
    applyToText(edit)
    selection = after
    goalColumn = nil
    history.record(edit, inverse: inverse, before: before, after: after, kind: kind, time: time)
  }

  /// Changes the text and everything derived from it, without touching history or selection.
  private mutating func applyToText(_ edit: Edit) {
    for change in edit.lineChanges(in: storage) {
      syntax.linesReplaced(first: change.first, oldLast: change.oldLast, newLineCount: change.newLineCount)
    }
    edit.apply(to: &storage)
    version += 1
  }

  /// Replaces the selection with `text`, leaving the cursor after it.
  mutating func replaceSelection(with text: String, kind: History.Kind, time: Duration?) {
    let range = selection.range
    let end = range.lowerBound + text.utf8.count
    perform(.replace(range, with: text), kind: kind, time: time, selectionAfter: .cursor(end))
  }

  // MARK: Undo

  public mutating func undo() {
    guard let step = history.popUndo() else { return }
    for inverse in step.inverses.reversed() { applyToText(inverse) }
    selection = step.selectionBefore
    goalColumn = nil
  }

  public mutating func redo() {
    guard let step = history.popRedo() else { return }
    for edit in step.edits { applyToText(edit) }
    selection = step.selectionAfter
    goalColumn = nil
  }

  /// Marks the text as saved; `isAtSavedText` then holds until it changes (undo back to it counts).
  public mutating func markSaved() { history.markSaved() }

  /// Marks the text as unsaved however it is undone: the saved text is not in its history.
  public mutating func markUnsaved() { history.forgetSavedPoint() }

  /// Whether the text is what was last saved or loaded, however undo and redo got it there.
  public var isAtSavedText: Bool { history.isAtSavedPoint }

  // MARK: Highlighting

  /// Brings the highlighter's line states up to date through `line`; call before drawing lines.
  public mutating func prepareHighlighting(through line: Int) {
    syntax.prepare(through: min(line, lineCount - 1), in: storage)
  }

  /// The highlighted tokens of a line, offsets relative to the line's start.
  public func highlightSpans(line: Int) -> [HighlightSpan] {
    highlightedLine(line).spans
  }

  /// What drawing a line needs, found with one lookup: where it starts, its text and its tokens.
  public func highlightedLine(_ line: Int) -> (start: Int, text: String, spans: [HighlightSpan]) {
    let range = storage.lineRange(line)
    let bytes = storage.bytes(in: range)
    return (range.lowerBound, String(decoding: bytes, as: UTF8.self), syntax.spans(line: line, bytes: bytes))
  }
}
