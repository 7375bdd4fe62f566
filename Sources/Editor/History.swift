/// Undo and redo. Each step is a list of edits (with their inverses) and the selections before and
/// after it. Consecutive edits of one kind join the open step while they keep coming: a pause longer
/// than `groupingGap`, a cursor that jumped, a different kind of edit or a `seal()` closes it.
public struct History: Hashable, Sendable {
  /// What kind of change an edit is, for grouping.
  public enum Kind: Hashable, Sendable {
    /// Typed characters, Enter and the auto-indent that comes with them.
    case typing
    /// Backspace and Delete.
    case deleting
    /// Everything that is a step of its own: paste, cut, indent, comment, replace-all…
    case standalone
  }

  struct Step: Hashable, Sendable {
    var edits: [Edit]
    var inverses: [Edit]
    var selectionBefore: Selection
    var selectionAfter: Selection
    var kind: Kind
    var lastTime: Duration?
    /// Names the step for the saved-point mark: steps are never renumbered.
    var serial = 0
  }

  public var groupingGap: Duration = .seconds(1)
  private(set) var undoStack: [Step] = []
  private(set) var redoStack: [Step] = []
  /// Set when something other than an edit happened (a cursor move), so the next edit starts a step.
  private var sealed = false
  /// The serial of the newest step the text had when it was saved (0: no step, the text as loaded).
  /// Undoing or redoing back to that step returns to the saved text.
  private var savedSerial = 0
  private var nextSerial = 1

  public init() {}

  /// Marks the text as it is now as the saved text, and closes the open step so later typing is a
  /// step of its own (it would otherwise join the saved one and go unnoticed).
  public mutating func markSaved() {
    savedSerial = undoStack.last?.serial ?? 0
    sealed = true
  }

  /// Forgets the saved point: no undo or redo reaches the saved text (text restored from a draft,
  /// which the file does not have).
  public mutating func forgetSavedPoint() { savedSerial = -1 }

  /// Whether undo and redo have brought the text back to what was last saved (or loaded).
  public var isAtSavedPoint: Bool { (undoStack.last?.serial ?? 0) == savedSerial }

  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }
  public var undoCount: Int { undoStack.count }

  /// Ends the open step: the next edit starts a new one.
  public mutating func seal() { sealed = true }

  mutating func record(
    _ edit: Edit, inverse: Edit, before: Selection, after: Selection, kind: Kind, time: Duration?
  ) {
    redoStack.removeAll()
    defer { sealed = false }
    if !sealed, kind != .standalone, var open = undoStack.last, open.kind == kind,
      open.selectionAfter == before, let time, let last = open.lastTime, time - last <= groupingGap
    {
      open.edits.append(edit)
      open.inverses.append(inverse)
      open.selectionAfter = after
      open.lastTime = time
      undoStack[undoStack.count - 1] = open
      return
    }
    undoStack.append(
      Step(
        edits: [edit], inverses: [inverse], selectionBefore: before, selectionAfter: after, kind: kind,
        lastTime: time, serial: nextSerial))
    nextSerial += 1
  }

  /// Takes the newest step off the undo stack, moving it to the redo stack.
  mutating func popUndo() -> Step? {
    guard let step = undoStack.popLast() else { return nil }
    redoStack.append(step)
    sealed = true
    return step
  }

  /// Takes the newest undone step off the redo stack, moving it back to the undo stack.
  mutating func popRedo() -> Step? {
    guard let step = redoStack.popLast() else { return nil }
    undoStack.append(step)
    sealed = true
    return step
  }
}

extension History {
  /// Typing over an auto-closed partner moves the cursor without an edit; the open typing step
  /// follows it, so the burst stays one step.
  mutating func extendOpenStep(from selection: Selection, to moved: Selection) {
    guard !sealed, var open = undoStack.last, open.kind == .typing, open.selectionAfter == selection else {
      return
    }
    open.selectionAfter = moved
    undoStack[undoStack.count - 1] = open
  }
}
