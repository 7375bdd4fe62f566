/// Every command the keymap knows, with its default keys: the one list F1, the palette,
/// config.toml's `[keys]` and docs/keybindings.md are checked against. The order here is the
/// order F1 shows. Names are stable (config files use them): add, never rename.
enum CommandCatalog {
  static let standard: [KeyCommand] =
    global + editor + prompt + output + analysis + overlay + browser + history

  private static let shiftF3 = Key.modified(.function(3), .shift)

  static let global: [KeyCommand] = [
    KeyCommand(
      "run", "run the program (during a run: asks; again: restarts)", .global,
      keys: [.function(5), .ctrl("r")]),
    KeyCommand("cancel", "cancel the run / analysis; idle: copy the selection", .global, keys: [.ctrl("c")]),
    KeyCommand("analyse", "analyse the code (Big-O) and focus the analysis", .global, keys: [.function(7)]),
    KeyCommand("go-to-error", "go to the line of the last error", .global, keys: [.function(8)]),
    KeyCommand(
      "switch-target", "runs go to the configured server / this machine", .global, keys: [.function(4)]),
    KeyCommand("switch-focus", "switch focus: editor / output", .global, keys: [.function(6)]),
    KeyCommand("focus-editor", "focus the editor", .global, keys: [.modified(.character("1"), .alt)]),
    KeyCommand("focus-output", "focus the output pane", .global, keys: [.modified(.character("2"), .alt)]),
    KeyCommand(
      "focus-analysis", "focus the analysis pane", .global, keys: [.modified(.character("3"), .alt)]),
    KeyCommand(
      "zoom-pane", "zoom the focused pane to the full screen, and back", .global,
      keys: [.modified(.character("z"), .alt)]),
    KeyCommand(
      "widen-editor", "move the split right: a wider editor", .global, keys: [.modified(.right, .alt)]),
    KeyCommand(
      "narrow-editor", "move the split left: a narrower editor", .global, keys: [.modified(.left, .alt)]),
    KeyCommand(
      "grow-output", "move the output / analysis split down", .global, keys: [.modified(.down, .alt)]),
    KeyCommand("shrink-output", "move the output / analysis split up", .global, keys: [.modified(.up, .alt)]),
    KeyCommand("reset-layout", "the panes back to their first sizes, nothing zoomed", .global),
    KeyCommand(
      "attach-stdin-file", "attach a file every run reads as its input", .global,
      keys: [.modified(.character("i"), .alt)]),
    KeyCommand("detach-stdin-file", "detach the stdin file: type to the program again", .global),
    KeyCommand("open-snippet-browser", "browse snippets and runs", .global, keys: [.ctrl("o")]),
    KeyCommand(
      "command-palette", "find and run any command by name", .global,
      keys: [.function(9), .modified(.character("x"), .alt)]),
    KeyCommand("help", "the list of keys", .global, keys: [.function(1)]),
    KeyCommand("quit", "quit (twice with unsaved changes)", .global, keys: [.ctrl("q")]),
  ]

  static let editor: [KeyCommand] =
    [
      KeyCommand("save", "save (asks before overwriting)", .editor, keys: [.ctrl("s")]),
      KeyCommand(
        "save-as", "save under another name", .editor, keys: [.function(2), .modified(.character("s"), .alt)]),
      KeyCommand("undo", "undo", .editor, keys: [.ctrl("z")]),
      KeyCommand("redo", "redo", .editor, keys: [.ctrl("y")]),
      KeyCommand(
        "cut", "cut (the line when nothing is selected)", .editor,
        keys: [.ctrl("x"), .modified(.delete, .shift)]),
      KeyCommand(
        "copy", "copy (the line when nothing is selected)", .editor,
        keys: [.ctrl("k"), .modified(.insert, .control)]),
      KeyCommand("paste", "paste", .editor, keys: [.ctrl("v"), .modified(.insert, .shift)]),
      KeyCommand("find", "find as you type", .editor, keys: [.ctrl("f")]),
      KeyCommand("replace", "find and replace", .editor, keys: [.ctrl("e")]),
      KeyCommand("find-next", "next match", .editor, keys: [.function(3), .ctrl("n")]),
      KeyCommand("find-previous", "previous match", .editor, keys: [shiftF3, .ctrl("p")]),
      KeyCommand("go-to-line", "go to line (42 or 42:7)", .editor, keys: [.ctrl("g")]),
      KeyCommand("matching-bracket", "jump to the matching bracket", .editor, keys: [.ctrl("b")]),
      KeyCommand("select-all", "select all", .editor, keys: [.ctrl("a")]),
      KeyCommand("select-word", "select the word", .editor, keys: [.ctrl("d")]),
      KeyCommand("select-line", "select the line; again: one more", .editor, keys: [.ctrl("l")]),
      KeyCommand(
        "toggle-comment", "comment / uncomment the lines", .editor, keys: [.ctrl("t"), .character("\u{1F}")]),
      KeyCommand("indent", "indent the selected lines, or to the next stop", .editor, keys: [.tab]),
      KeyCommand("dedent", "dedent the lines", .editor, keys: [.backTab]),
      KeyCommand("newline", "new line, keeping the indentation", .editor, keys: [.enter]),
      KeyCommand(
        "delete-backward", "delete the selection, an indent level or a character", .editor, keys: [.backspace]
      ),
      KeyCommand("delete-forward", "delete the selection or the next character", .editor, keys: [.delete]),
      KeyCommand("drop-selection", "drop the selection", .editor, keys: [.escape]),
    ] + motions

  /// The cursor's moves, and each with Shift to select: (name, title, key, key with Ctrl).
  private static let moves: [(String, String, Key)] = [
    ("left", "a character left", .left), ("right", "a character right", .right),
    ("up", "a line up", .up), ("down", "a line down", .down),
    ("word-left", "a word left", .modified(.left, .control)),
    ("word-right", "a word right", .modified(.right, .control)),
    ("line-start", "first non-blank; again: column 0", .home), ("line-end", "end of the line", .end),
    ("page-up", "a screen up", .pageUp), ("page-down", "a screen down", .pageDown),
    ("file-start", "start of the file", .modified(.home, .control)),
    ("file-end", "end of the file", .modified(.end, .control)),
  ]

  private static let motions: [KeyCommand] =
    moves.map { KeyCommand(CommandName("move-" + $0.0), "move " + $0.1, .editor, keys: [$0.2]) }
    + moves.map {
      KeyCommand(
        CommandName("select-" + $0.0), "select " + $0.1, .editor,
        keys: [KeySequences.adding(.shift, to: $0.2)])
    }

  static let prompt: [KeyCommand] = [
    KeyCommand(
      "prompt-accept", "find: close, keeping the match; replace: replace it; go", .prompt, keys: [.enter]),
    KeyCommand(
      "prompt-cancel", "close the prompt (find: back to where it started)", .prompt, keys: [.escape]),
    KeyCommand("prompt-next", "next match", .prompt, keys: [.down, .function(3), .ctrl("n")]),
    KeyCommand(
      "prompt-previous", "previous match", .prompt, keys: [.up, shiftF3, .function(15), .ctrl("p")]),
    KeyCommand("toggle-case", "find: case sensitive on / off", .prompt, keys: [.ctrl("t")]),
    KeyCommand("toggle-whole-word", "find: whole word on / off", .prompt, keys: [.ctrl("w")]),
    KeyCommand("toggle-regex", "find: regular expression on / off", .prompt, keys: [.ctrl("e")]),
    KeyCommand("replace-all", "replace with: replace every match", .prompt, keys: [.ctrl("a")]),
  ]

  static let output: [KeyCommand] = [
    KeyCommand("output-scroll-up", "scroll up; scrolled back, the view holds still", .output, keys: [.up]),
    KeyCommand("output-scroll-down", "scroll down", .output, keys: [.down]),
    KeyCommand("output-page-up", "a screen up", .output, keys: [.pageUp]),
    KeyCommand("output-page-down", "a screen down", .output, keys: [.pageDown]),
    KeyCommand("output-top", "the first line", .output, keys: [.home]),
    KeyCommand("output-follow", "the newest line, following new output", .output, keys: [.end]),
    KeyCommand("output-scroll-left", "scroll sideways (wrap off)", .output, keys: [.left]),
    KeyCommand("output-scroll-right", "scroll sideways (wrap off)", .output, keys: [.right]),
    KeyCommand("toggle-wrap", "wrap long lines on / off", .output, keys: [.ctrl("w")]),
    KeyCommand("toggle-raw-codes", "show the raw escape codes / the colours", .output, keys: [.ctrl("e")]),
    KeyCommand("output-find", "find in output", .output, keys: [.ctrl("f")]),
    KeyCommand("output-find-next", "next match", .output, keys: [.function(3), .ctrl("n")]),
    KeyCommand(
      "output-find-previous", "previous match", .output, keys: [shiftF3, .function(15), .ctrl("p")]),
    KeyCommand("output-select-up", "select lines upwards", .output, keys: [.modified(.up, .shift)]),
    KeyCommand("output-select-down", "select lines downwards", .output, keys: [.modified(.down, .shift)]),
    KeyCommand("output-select-all", "select all output", .output, keys: [.ctrl("a")]),
    KeyCommand("output-copy", "copy the selection, or all output", .output, keys: [.ctrl("k")]),
    KeyCommand("save-output", "save output to a file (asks before overwriting)", .output, keys: [.ctrl("s")]),
    KeyCommand(
      "output-escape", "drop the selection or the match; else back to the editor", .output, keys: [.escape]),
  ]

  static let analysis: [KeyCommand] = [
    KeyCommand("analysis-up", "select the hot line above (or scroll)", .analysis, keys: [.up]),
    KeyCommand("analysis-down", "select the hot line below (or scroll)", .analysis, keys: [.down]),
    KeyCommand("analysis-page-up", "scroll a screen up", .analysis, keys: [.pageUp]),
    KeyCommand("analysis-page-down", "scroll a screen down", .analysis, keys: [.pageDown]),
    KeyCommand("analysis-top", "scroll to the top", .analysis, keys: [.home]),
    KeyCommand("analysis-bottom", "scroll to the bottom", .analysis, keys: [.end]),
    KeyCommand("analysis-jump", "go to the selected hot line in the editor", .analysis, keys: [.enter]),
    KeyCommand("analysis-leave", "back to the editor", .analysis, keys: [.escape]),
  ]

  static let overlay: [KeyCommand] = [
    KeyCommand("overlay-close", "close the help or the palette", .overlay, keys: [.escape]),
    KeyCommand("overlay-choose", "palette: run the chosen command", .overlay, keys: [.enter]),
    KeyCommand("overlay-up", "scroll / choose up", .overlay, keys: [.up]),
    KeyCommand("overlay-down", "scroll / choose down", .overlay, keys: [.down]),
    KeyCommand("overlay-page-up", "a screen up", .overlay, keys: [.pageUp]),
    KeyCommand("overlay-page-down", "a screen down", .overlay, keys: [.pageDown]),
    KeyCommand("overlay-top", "to the top", .overlay, keys: [.home]),
    KeyCommand("overlay-bottom", "to the bottom", .overlay, keys: [.end]),
  ]

  static let browser: [KeyCommand] = [
    KeyCommand(
      "browser-open", "open the snippet in the editor (the buffer left is autosaved)", .browser,
      keys: [.enter]),
    KeyCommand("browser-up", "select the snippet above", .browser, keys: [.up]),
    KeyCommand("browser-down", "select the snippet below", .browser, keys: [.down]),
    KeyCommand("browser-page-up", "a screen up", .browser, keys: [.pageUp]),
    KeyCommand("browser-page-down", "a screen down", .browser, keys: [.pageDown]),
    KeyCommand("browser-top", "the first snippet", .browser, keys: [.home]),
    KeyCommand("browser-bottom", "the last snippet", .browser, keys: [.end]),
    KeyCommand(
      "browser-preview-up", "scroll the preview up", .browser,
      keys: [.modified(.up, .alt), .modified(.up, .control)]),
    KeyCommand(
      "browser-preview-down", "scroll the preview down", .browser,
      keys: [.modified(.down, .alt), .modified(.down, .control)]),
    KeyCommand("browser-clear-filter", "clear the filter", .browser, keys: [.ctrl("u")]),
    KeyCommand(
      "browser-sort", "cycle the order: recent, name, most run", .browser, keys: [.ctrl("s"), .function(3)]),
    KeyCommand("browser-new", "new snippet (asks its name)", .browser, keys: [.ctrl("n")]),
    KeyCommand("browser-rename", "rename the snippet", .browser, keys: [.function(2)]),
    KeyCommand("browser-tag", "edit the snippet's tags", .browser, keys: [.ctrl("t")]),
    KeyCommand("browser-duplicate", "duplicate the snippet", .browser, keys: [.ctrl("d")]),
    KeyCommand("browser-pin", "pin / unpin the snippet", .browser, keys: [.ctrl("p")]),
    KeyCommand("browser-delete", "move the snippet to the trash", .browser, keys: [.delete]),
    KeyCommand("browser-undo-delete", "put the last snippet deleted back", .browser, keys: [.ctrl("z")]),
    KeyCommand("browser-copy", "copy the snippet's code", .browser, keys: [.ctrl("k"), .ctrl("c")]),
    KeyCommand("browser-history", "the snippet's run history", .browser, keys: [.tab]),
    KeyCommand("browser-back", "clear the filter; with none, close the browser", .browser, keys: [.escape]),
    KeyCommand("browser-close", "close the browser", .browser, keys: [.ctrl("o"), .ctrl("q")]),
  ]

  static let history: [KeyCommand] = [
    KeyCommand(
      "history-open", "open that version in the editor (one edit: ^Z undoes it)", .history,
      keys: [.enter, .character("o")]),
    KeyCommand(
      "history-diff", "diff that version with the current code; in a diff: back", .history,
      keys: [.character("d"), .character("D")]),
    KeyCommand("history-copy", "copy that version's code", .history, keys: [.ctrl("k"), .ctrl("c")]),
    KeyCommand("history-up", "the run above; in a diff: scroll up", .history, keys: [.up]),
    KeyCommand("history-down", "the run below; in a diff: scroll down", .history, keys: [.down]),
    KeyCommand("history-page-up", "a screen up", .history, keys: [.pageUp]),
    KeyCommand("history-page-down", "a screen down", .history, keys: [.pageDown]),
    KeyCommand("history-top", "the newest run; in a diff: the top", .history, keys: [.home]),
    KeyCommand("history-bottom", "the oldest run; in a diff: the bottom", .history, keys: [.end]),
    KeyCommand(
      "history-back", "back: from a diff to the history, from the history to the list", .history,
      keys: [.escape, .tab, .character("q")]),
    KeyCommand("history-close", "close the browser", .history, keys: [.ctrl("o")]),
  ]
}
