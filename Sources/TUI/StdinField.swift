/// The one-line field under the output pane while a run's standard input is open: what is typed
/// there goes to the program a line at a time, as a terminal in line mode sends it. Enter sends the
/// line, ^D sends what is typed (without a newline) and ends the input, ^U clears the line. A paste
/// sends each of its complete lines and keeps the rest in the field.
struct StdinField: Equatable {
  /// What the field asks of the run.
  enum Action: Equatable {
    case send(String)
    case close
  }

  var input = ""

  static let label = "stdin› "
  static let hint = "Enter sends a line · ^D ends input"

  /// What `event` does to the field and the run, or nil when the field has no use for it (the
  /// pane's own keys: scrolling, find, copy).
  mutating func handle(_ event: InputEvent) -> [Action]? {
    switch event {
    case .paste(let text):
      var actions: [Action] = []
      for character in text {
        if character == "\n" || character == "\r\n" || character == "\r" {
          actions.append(.send(input + "\n"))
          input = ""
        } else {
          input.append(character)
        }
      }
      return actions
    case .key(.character(let character)):
      input.append(character)
      return []
    case .key(.tab):
      input.append("\t")
      return []
    case .key(.backspace):
      if !input.isEmpty { input.removeLast() }
      return []
    case .key(.ctrl("u")):
      input = ""
      return []
    case .key(.enter):
      defer { input = "" }
      return [.send(input + "\n")]
    case .key(.ctrl("d")):
      defer { input = "" }
      return input.isEmpty ? [.close] : [.send(input), .close]
    default:
      return nil
    }
  }
}
