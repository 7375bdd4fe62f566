extension EditorState {
  /// Puts the cursor at `position` (clamped to the text), selecting nothing: where a restored
  /// draft left it. Not an edit, so it is no undo step.
  public mutating func placeCursor(at position: Position) {
    selection = .cursor(offset(of: position))
    goalColumn = nil
  }
}
