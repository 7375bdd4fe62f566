import Editor

/// From a traceback to the code: when a run ends, the line of its last error is marked in the
/// editor's gutter; F8 jumps to it, and so does a click on a traceback line in the output pane.
extension App {
  /// The name a run gives the program, which its tracebacks call it by: the buffer's file name, or
  /// a snippet's name with `.py` (a scratch buffer is `main.py`).
  var programFileName: String {
    editor.document != nil || editor.fileName.hasSuffix(".py") ? editor.fileName : editor.fileName + ".py"
  }

  /// The file names a traceback calls the program by (`main.py`: a backend that names it so).
  private var programFiles: Set<String> { ["main.py", programFileName] }

  /// Marks the last error's line after a run (or clears the mark when there was none).
  func markLastError() {
    let lines = output.log.lines.filter { $0.stream == .stderr }.map(\.text)
    editor.gutterMarks = editor.gutterMarks.filter { $0.value != .error }
    guard let line = TracebackLocation.lastError(in: lines, files: programFiles),
      line <= editor.state.lineCount
    else { return }
    // The error outranks a hot line on the same line: it is what the user is chasing now.
    editor.gutterMarks[line - 1] = .error
  }

  /// F8: to the marked error line, in the editor.
  func jumpToLastError() {
    guard let line = editor.gutterMarks.first(where: { $0.value == .error })?.key else {
      return editor.note("no error to go to: F8 jumps to the line of the last traceback")
    }
    focus = .editor
    editor.state.apply(.goToLine(line + 1))
  }

  /// A click on an output line that names a line of the program: there, in the editor.
  /// Returns whether the click was such a jump.
  func jumpToTraceback(atOutputRow row: Int) -> Bool {
    guard let text = output.lineText(atRow: row),
      let line = TracebackLocation.line(in: text, files: programFiles), line <= editor.state.lineCount
    else { return false }
    focus = .editor
    editor.state.apply(.goToLine(line))
    return true
  }
}
