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

  var hint: String {
    switch purpose {
    case .find: return "Enter/F3/^N next  ^P prev  Esc close"
    case .saveAs: return "Enter save  Esc cancel"
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
