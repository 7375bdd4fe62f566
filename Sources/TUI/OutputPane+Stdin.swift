import Editor
import Execution

/// Typing to the running program from the output pane (see `StdinField`). What is sent is echoed
/// where the program's output is, dimmed, as a terminal echoes what is typed: the line an
/// `input("Name: ")` prompt left open gets the answer after it.
extension OutputPane {
  /// Opens the field, for a run that keeps its standard input open.
  mutating func openStdin() {
    stdin = StdinField()
    stdinActions = []
  }

  /// Closes the field (the run ended, or its input did); what was typed and not sent is gone, as
  /// the program could no longer read it.
  mutating func closeStdin() { stdin = nil }

  /// Gives `event` to the field; false when the field is closed or has no use for it.
  mutating func typeToProgram(_ event: InputEvent) -> Bool {
    guard stdin != nil, let actions = stdin?.handle(event) else { return false }
    notice = nil
    for action in actions {
      switch action {
      case .send(let text):
        // Dim on, the text, dim off before the newline (22 ends bold too; the program's colours
        // are left alone).
        let line = text.hasSuffix("\n") ? text.dropLast() : text[...]
        let echo = "\u{1B}[2m" + line + "\u{1B}[22m" + (line.count < text.count ? "\n" : "")
        log.append(Array(echo.utf8), from: .stdout)
      case .close:
        stdin = nil
        notice = "input ended (the program reads end of file)"
      }
      // A line typed shows at the end, however far back the view was.
      follow()
    }
    stdinActions += actions
    return true
  }

  /// What the field asked of the run since the last call, in order.
  mutating func takeStdinActions() -> [StdinField.Action] {
    defer { stdinActions = [] }
    return stdinActions
  }

  func renderStdin(_ field: StdinField, in rect: Rect, into grid: inout Grid) {
    var x = grid.put(StdinField.label, x: rect.x, y: rect.y, style: theme.prompt, maxX: rect.maxX)
    // The end of a line longer than the row is what is being typed: show that.
    let room = max(1, rect.maxX - x - 1)
    var shown = field.input
    while DisplayWidth.of(shown) > room { shown.removeFirst() }
    for segment in VisibleText.segments(shown) {
      x = grid.put(
        segment.text, x: x, y: rect.y, style: segment.inert ? theme.inert : theme.prompt, maxX: rect.maxX)
    }
    if field.input.isEmpty {
      grid.put(StdinField.hint, x: x + 1, y: rect.y, style: theme.hint, maxX: rect.maxX)
    }
  }

  func stdinCursorLocation(in rect: Rect) -> (x: Int, y: Int)? {
    guard let stdin, notice == nil else { return nil }
    let room = max(1, rect.width - DisplayWidth.of(StdinField.label) - 1)
    let x = rect.x + DisplayWidth.of(StdinField.label) + min(DisplayWidth.of(stdin.input), room)
    return (min(x, rect.maxX - 1), rect.maxY - 1)
  }
}

extension ExecutionHandle {
  /// Carries out what the stdin field asked.
  func perform(_ action: StdinField.Action) {
    switch action {
    case .send(let text): send(stdin: Array(text.utf8))
    case .close: closeStdin()
    }
  }
}
