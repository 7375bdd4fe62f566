/// Which output line a row of the pane shows, for a click on it.
extension OutputPane {
  /// The text of the log line on screen row `row` (from the pane's top), or nil for the dropped
  /// mark or a row below the output.
  func lineText(atRow row: Int) -> String? {
    guard row >= 0, row < textHeight, var position = currentTop else { return nil }
    let view = self.view
    var remaining = row + position.row
    while remaining >= view.rowCount(of: position.item) {
      remaining -= view.rowCount(of: position.item)
      guard let next = view.next(position.item) else { return nil }
      position = OutputView.Position(item: next, row: 0)
    }
    guard case .line(let id) = position.item else { return nil }
    return view.line(id)?.text
  }
}
