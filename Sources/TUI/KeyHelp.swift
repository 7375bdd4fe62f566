/// Every key, as F1 shows it. docs/keybindings.md says the same at length; a test keeps the two
/// in step (every key here must appear there).
public enum KeyHelp {
  public struct Section: Sendable {
    public var title: String
    public var entries: [(keys: String, action: String)]
  }

  public static let sections: [Section] = [
    Section(
      title: "Application",
      entries: [
        ("F5, ^R", "run (during a run: asks, again restarts)"),
        ("^C", "cancel run / analysis; idle: copy"),
        ("F6", "switch focus: editor / output"),
        ("F7", "analyse the code (Big-O), focus the analysis"), ("F8", "go to the last error's line"),
        ("F1", "this help"),
        ("^Q", "quit (twice with unsaved changes)"),
        ("R, D", "when asked: restore / discard a file's autosaved edits"),
      ]),
    Section(
      title: "Moving (add Shift to select)",
      entries: [
        ("← → ↑ ↓", "character, line"), ("^← ^→", "word"), ("Home", "first non-blank, again: column 0"),
        ("End", "end of line"), ("PgUp PgDn", "one screen"), ("^Home ^End", "start / end of file"),
        ("^G", "go to line (42 or 42:7)"), ("^B", "matching bracket"), ("Esc", "drop the selection"),
      ]),
    Section(
      title: "Selecting",
      entries: [("^A", "select all"), ("^D", "select word"), ("^L", "select line, again: one more")]),
    Section(
      title: "Editing",
      entries: [
        ("Tab, Shift-Tab", "indent, dedent"), ("^T", "toggle comment"), ("^Z, ^Y", "undo, redo"),
        ("^X, ^K, ^V", "cut, copy, paste"), ("^S", "save (asks before overwriting)"),
        ("F2, Alt-S", "save as"),
      ]),
    Section(
      title: "Find and replace",
      entries: [
        ("^F", "find as you type"), ("^E", "replace"), ("F3, ^N", "next match"),
        ("Shift-F3, ^P", "previous match"),
      ]),
    Section(
      title: "Output pane (after F6; Esc goes back)",
      entries: [
        ("↑ ↓ PgUp PgDn", "scroll; scrolled back, the view holds still"),
        ("Home End", "first line, newest (follow)"), ("^W", "wrap long lines on/off"),
        ("← →", "scroll sideways (wrap off)"), ("^F", "find in output"), ("F3, ^N", "next match"),
        ("Shift-F3, ^P", "previous match"), ("Shift-↑ Shift-↓", "select lines"),
        ("^A", "select all output"), ("^K", "copy the selection, or all output"),
        ("^S", "save output to a file (asks before overwriting)"),
        ("^O", "show raw escape codes / colours"),
        ("Esc", "close find or drop the selection; else back to the editor"),
      ]),
    Section(
      title: "Analysis pane (after F7 or a click; Esc goes back)",
      entries: [
        ("↑ ↓", "select a hot line"), ("Enter", "jump to the selected hot line in the editor"),
        ("PgUp PgDn", "scroll (Home End: top, bottom)"), ("^C", "cancel the analysis (and the run)"),
      ]),
    Section(
      title: "Typing to a running program (output pane)",
      entries: [
        ("letters, paste", "type into the stdin› field"), ("Enter", "send the line (echoed dimmed)"),
        ("Backspace, ^U", "delete a character, clear the line"),
        ("^D", "send what is typed and end the input (EOF)"),
      ]),
    Section(
      title: "Mouse",
      entries: [
        ("click", "focus a pane; editor: place the cursor; analysis: pick a hot line"),
        ("click output", "on a traceback line: go to its line"),
        ("wheel", "editor: cursor 3 lines; output: scroll"), ("Shift-drag", "the terminal's own selection"),
      ]),
  ]
}
