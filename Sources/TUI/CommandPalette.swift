import Editor

/// The command palette (F9, Alt-X): type to filter every command by name and title, ↑ ↓ to choose,
/// Enter to run it. Each row shows the command's keys as bound now, so it also teaches them.
/// Prompt, overlay and browser commands are left out: they mean something only inside their own
/// layer. Over the snippet browser the palette lists the browser's commands instead.
final class CommandPalette: Layer {
  private(set) var input = ""
  private(set) var chosen = 0
  private let commands: [KeyCommand]
  private(set) var shown: [KeyCommand]
  private var listHeight = 10

  /// The contexts whose commands the palette lists over the panes.
  static let paneContexts: Set<KeyContext> = [.global, .editor, .output, .analysis]

  init(keymap: Keymap, contexts: Set<KeyContext> = paneContexts) {
    commands = keymap.commands.filter { contexts.contains($0.context) }
    shown = commands
  }

  /// What the filter reads for a command: its name first (a match there ranks higher), then its
  /// name and title together.
  static func searchTexts(_ command: KeyCommand) -> [String] {
    [command.name.rawValue, command.name.rawValue + " " + command.title]
  }

  private func refilter() {
    shown = FuzzyMatch.filter(commands, by: input, texts: Self.searchTexts)
    chosen = 0
  }

  func handle(_ event: InputEvent, context: LayerContext) -> EventResult {
    switch event {
    case .paste(let text):
      input += text.filter { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
      refilter()
    case .mouse(let mouse) where mouse.action != .press:
      move(by: mouse.action == .wheelUp ? -1 : 1)
    case .key(let key): handle(key, context: context)
    case .resize: return .ignored
    case .mouse: break
    }
    return .handled
  }

  private func handle(_ key: Key, context: LayerContext) {
    if context.keymap.command(for: key, in: .global) == "command-palette" { return context.dismiss(self) }
    switch context.keymap.command(for: key, in: .overlay)?.rawValue {
    case "overlay-close": context.dismiss(self)
    case "overlay-choose":
      context.dismiss(self)
      if chosen < shown.count { context.perform(shown[chosen].name) }
    case "overlay-up": move(by: -1)
    case "overlay-down": move(by: 1)
    case "overlay-page-up": move(by: -listHeight)
    case "overlay-page-down": move(by: listHeight)
    case "overlay-top": chosen = 0
    case "overlay-bottom": chosen = max(0, shown.count - 1)
    default:
      switch key {
      case .character(let character) where ControlPicture.substitute(for: character) == nil:
        input.append(character)
        refilter()
      case .backspace:
        if !input.isEmpty { input.removeLast() }
        refilter()
      case .ctrl("u"):
        input = ""
        refilter()
      default: break
      }
    }
  }

  private func move(by rows: Int) { chosen = min(max(0, chosen + rows), max(0, shown.count - 1)) }

  /// The box: near the top, as wide as fits up to 90 columns, as tall as half the screen or the
  /// list.
  func frame(in screen: Rect) -> Rect {
    let width = min(screen.width - 2, 90)
    let height = min(max(5, screen.height / 2 + 2), screen.height - 2, max(5, commands.count + 4))
    return Rect(
      x: (screen.width - width) / 2, y: min(2, (screen.height - height) / 2), width: width, height: height)
  }

  func render(in screen: Rect, into grid: inout Grid, context: LayerContext) {
    let rect = frame(in: screen)
    guard rect.width >= 10 && rect.height >= 5 else { return }
    let theme = context.theme
    let count = input.isEmpty ? "\(commands.count) commands" : "\(shown.count) of \(commands.count)"
    Box.draw(
      rect, title: " Commands ", footer: " Enter runs · Esc closes · \(count) ", theme: theme, into: &grid)
    let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    let x = grid.put("› ", x: inner.x, y: inner.y, style: theme.prompt, maxX: inner.maxX)
    grid.put(input, x: x, y: inner.y, style: theme.prompt, maxX: inner.maxX)
    if input.isEmpty {
      grid.put("type to filter", x: x + 1, y: inner.y, style: theme.hint, maxX: inner.maxX)
    }
    listHeight = max(1, inner.height - 1)
    // Keep the chosen row in view: the list scrolls in whole pages.
    let first = (chosen / listHeight) * listHeight
    for (row, command) in shown.dropFirst(first).prefix(listHeight).enumerated() {
      let y = inner.y + 1 + row
      let isChosen = first + row == chosen
      let style = isChosen ? theme.selection : theme.prompt
      grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
      let keys = command.keys.map(\.label).joined(separator: " ")
      let keysX = inner.maxX - DisplayWidth.of(keys)
      let nameEnd = grid.put(command.name.rawValue, x: inner.x, y: y, style: style, maxX: inner.maxX)
      var hint = isChosen ? style : theme.hint
      hint.background = style.background
      grid.put("  " + command.title, x: nameEnd, y: y, style: hint, maxX: max(nameEnd, keysX - 1))
      if keysX > nameEnd + 2 { grid.put(keys, x: keysX, y: y, style: style, maxX: inner.maxX) }
    }
    if shown.isEmpty {
      grid.put("no command matches", x: inner.x, y: inner.y + 1, style: theme.hint, maxX: inner.maxX)
    }
  }

  func cursor(in screen: Rect) -> (x: Int, y: Int)? {
    let rect = frame(in: screen)
    return (min(rect.x + 4 + DisplayWidth.of(input), rect.maxX - 2), rect.y + 1)
  }
}
