/// The output pane's bottom-row prompt: find in output, save output to a file, and the question
/// before a save would overwrite a file.
struct OutputPrompt: Equatable {
  enum Purpose: Equatable {
    case find
    case saveAs
    /// `path` exists: y overwrites it, anything else goes back to the name.
    case confirmOverwrite(path: String)
  }

  var purpose: Purpose
  var input = ""
  /// Typing replaces a suggested input instead of adding to it.
  var inputIsSuggestion = false
  /// What the last attempt said: "no matches", why a save failed.
  var status = ""

  var label: String {
    switch purpose {
    case .find: return "Find: "
    case .saveAs: return "Save output as: "
    case .confirmOverwrite(let path): return "\(path) exists. Overwrite it? (y/n) "
    }
  }

  /// The keys the prompt offers as bound now.
  func hint(_ keymap: Keymap) -> String {
    switch purpose {
    case .find:
      return keymap.hint([
        hintPart("prompt-accept", "prompt-next", word: "next", limit: 3),
        hintPart("prompt-previous", word: "prev", limit: 1),
        hintPart("prompt-cancel", word: "close", limit: 1),
      ])
    case .saveAs:
      return keymap.hint([
        hintPart("prompt-accept", word: "save", limit: 1),
        hintPart("prompt-cancel", word: "cancel", limit: 1),
      ])
    case .confirmOverwrite: return ""
    }
  }

  mutating func type(_ text: String) {
    if inputIsSuggestion { input = "" }
    inputIsSuggestion = false
    input += text.filter { $0 != "\n" && $0 != "\r" }
    status = ""
  }

  mutating func backspace() {
    if inputIsSuggestion { input = "" }
    if !input.isEmpty { input.removeLast() }
    inputIsSuggestion = false
    status = ""
  }
}
