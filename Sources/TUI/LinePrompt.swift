import Editor

/// A one-line question on the status bar's row, as a layer over the panes: a label, what is typed,
/// and above it why the last answer would not do. Enter hands the answer to `accept`, which
/// returns nil when it was taken (the prompt closes) or the reason it was not (the prompt stays).
/// Esc closes it. Keys the app handles everywhere (F5, ^Q…) go on down with the prompt still open.
final class LinePrompt: Layer {
  let label: String
  private(set) var input: String
  private(set) var error: String?
  private let accept: (App, String) -> String?

  init(label: String, input: String = "", accept: @escaping (App, String) -> String?) {
    self.label = label
    self.input = input
    self.accept = accept
  }

  func handle(_ event: InputEvent, context: LayerContext) -> EventResult {
    switch event {
    case .paste(let text):
      input += text.filter { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
      return .handled
    case .key(let key): return handle(key, context: context)
    case .mouse, .resize: return .ignored
    }
  }

  private func handle(_ key: Key, context: LayerContext) -> EventResult {
    switch context.keymap.command(for: key, in: .prompt)?.rawValue {
    case "prompt-cancel": context.dismiss(self)
    case "prompt-accept":
      let answer = input
      context.send { app in
        if let problem = self.accept(app, answer) {
          self.error = problem
        } else {
          app.compositor.remove(self)
        }
      }
    default:
      switch key {
      case .character(let character) where ControlPicture.substitute(for: character) == nil:
        input.append(character)
        error = nil
      case .backspace:
        if !input.isEmpty { input.removeLast() }
        error = nil
      case .ctrl("u"): input = ""
      default:
        return context.keymap.command(for: key, in: .global) == nil ? .handled : .ignored
      }
    }
    return .handled
  }

  func render(in screen: Rect, into grid: inout Grid, context: LayerContext) {
    let theme = context.theme
    let y = screen.maxY - 1
    grid.fill(Rect(x: 0, y: y, width: screen.width, height: 1), style: theme.prompt)
    var x = grid.put(label, x: 0, y: y, style: theme.prompt, maxX: screen.maxX)
    x = grid.put(input, x: x, y: y, style: theme.prompt, maxX: screen.maxX)
    let hint = "Enter attaches · Esc cancels"
    if screen.width - DisplayWidth.of(hint) - 1 > x + 2 {
      grid.put(hint, x: screen.width - DisplayWidth.of(hint) - 1, y: y, style: theme.hint, maxX: screen.maxX)
    }
    if let error, y > 0 {
      grid.fill(Rect(x: 0, y: y - 1, width: screen.width, height: 1), style: theme.statusError)
      grid.put(" " + error, x: 0, y: y - 1, style: theme.statusError, maxX: screen.maxX)
    }
  }

  func cursor(in screen: Rect) -> (x: Int, y: Int)? {
    (min(DisplayWidth.of(label) + DisplayWidth.of(input), screen.width - 1), screen.maxY - 1)
  }
}
