import Editor

/// The one-line minibuffer at the bottom of the editor pane: find, replace and go to line.
struct EditorPrompt: Equatable {
  enum Purpose: Equatable {
    case find
    /// The first half of replace: what to look for.
    case replaceFind
    /// The second half: what to put instead of `query`'s matches.
    case replaceWith(SearchQuery)
    case goToLine
    /// The file name Ctrl-S saves to when the editor has none yet (or its file cannot be written);
    /// F2 / Alt-S to save under another name.
    case saveAs
    /// Saving to `path` would replace a file the editor did not load: y replaces it, anything
    /// else goes back to the name.
    case confirmOverwrite(path: String)
    /// The file changed on disk since it was loaded or saved: r reloads it, o overwrites it, Esc
    /// leaves both alone.
    case changedOnDisk(path: String)
  }

  var purpose: Purpose
  var input = ""
  /// Set when the input was filled in for the user (the selection, the file name): typing
  /// replaces it instead of adding to it.
  var inputIsSuggestion = false
  var caseSensitive = false
  var wholeWord = false
  var isRegex = false
  /// The selection when the prompt opened: incremental find searches from it, Esc returns to it.
  var origin: Selection
  /// What the last search said: "3 of 12", "no matches".
  var status = ""
  /// Why the last search could not run (an invalid regex), shown in full above the prompt.
  var error: String?

  var label: String {
    switch purpose {
    case .find: return "Find: "
    case .replaceFind: return "Replace: "
    case .replaceWith: return "With: "
    case .goToLine: return "Go to line: "
    case .saveAs: return "Save as: "
    case .confirmOverwrite: return "Overwrite? (y/n) "
    case .changedOnDisk: return "Answer r/o/Esc: "
    }
  }

  /// What a question is about, shown in full above the prompt row (the row keeps the answers).
  var question: String? {
    switch purpose {
    case .confirmOverwrite(let path):
      return "\(path) exists and is not the file loaded; y replaces it, n picks another name."
    case .changedOnDisk(let path):
      return "\(path) changed on disk since it was opened or saved: r reloads it (losing the edits here), "
        + "o overwrites it, Esc leaves both as they are."
    default: return nil
    }
  }

  /// Whether the prompt is a question answered by one key, with no input to edit.
  var isQuestion: Bool {
    switch purpose {
    case .confirmOverwrite, .changedOnDisk: return true
    default: return false
    }
  }

  /// Whether typing changes a search (so the options and incremental find apply).
  var isSearch: Bool { purpose == .find || purpose == .replaceFind }

  var query: SearchQuery {
    SearchQuery(input, caseSensitive: caseSensitive, wholeWord: wholeWord, isRegex: isRegex)
  }

  /// The options as the prompt row shows them: each with its key as bound and whether it is on.
  func optionsText(_ keymap: Keymap) -> String {
    guard isSearch else { return "" }
    let options: [(CommandName, String, Bool)] = [
      ("toggle-case", "case", caseSensitive), ("toggle-whole-word", "word", wholeWord),
      ("toggle-regex", "regex", isRegex),
    ]
    return options.map { name, word, on in
      (keymap.hintKeys(name, limit: 1).map { $0 + " " } ?? "") + "\(word):\(on ? "on" : "off")"
    }.joined(separator: " ")
  }

  /// Shows what a search found, or why it could not run.
  mutating func report(_ outcome: SearchOutcome?) {
    switch outcome {
    case .failed(let reason)?:
      status = ""
      error = reason
    case let outcome?:
      status = outcome.description
      error = nil
    case nil:
      status = ""
      error = nil
    }
  }

  /// The keys the prompt offers as bound now, shown when there is room.
  func hint(_ keymap: Keymap) -> String {
    let accept = { hintPart("prompt-accept", word: $0, limit: 1) }
    let cancel = { hintPart("prompt-cancel", word: $0, limit: 1) }
    switch purpose {
    case .find:
      return keymap.hint([
        accept("done"), hintPart("prompt-next", word: "next"),
        hintPart("prompt-previous", word: "prev", limit: 1),
        cancel("cancel"),
      ])
    case .replaceFind: return keymap.hint([accept("next"), cancel("cancel")])
    case .replaceWith:
      return keymap.hint([
        accept("replace"), hintPart("replace-all", word: "all", limit: 1),
        hintPart("prompt-next", word: "skip", limit: 1), cancel("close"),
      ])
    case .goToLine: return keymap.hint([accept("go"), cancel("cancel")])
    case .saveAs: return keymap.hint([accept("save"), cancel("cancel")])
    case .confirmOverwrite, .changedOnDisk: return ""
    }
  }

  /// Adds typed or pasted text, replacing a suggestion.
  mutating func type(_ text: String) {
    if inputIsSuggestion { input = "" }
    inputIsSuggestion = false
    input += text
  }

  /// Edits the input with a key; returns false for keys that are not input editing.
  mutating func edit(with key: Key) -> Bool {
    switch key {
    case .character(let character):
      if purpose == .goToLine && !(character.isNumber || character == ":") { return true }
      type(String(character))
    case .backspace:
      if inputIsSuggestion { input = "" }
      if !input.isEmpty { input.removeLast() }
      inputIsSuggestion = false
    default: return false
    }
    return true
  }
}
