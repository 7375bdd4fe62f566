import Editor

/// F1: a box over the screen listing every command that has a key, by context, generated from the
/// keymap (so it shows the user's own keys), and what is not a command (typing, the mouse).
/// Scrolls when the terminal is short. Keys of the overlay context scroll it; F1, `q` and Esc
/// close it; a key the app handles everywhere (F5, ^Q…) closes it and goes on to the app.
final class HelpOverlay: Layer {
  typealias Entry = (keys: String, action: String)
  /// The help by section: a heading and its entries.
  let sections: [(title: String, entries: [Entry])]
  /// The help as lines of (text, is a heading), laid out for the width it was last drawn at.
  private(set) var lines: [(String, Bool)]
  private var linesWidth = Int.max
  private(set) var top = 0
  private var pageHeight = 10

  /// `leading`: the context whose keys come first (the browser's, over the browser).
  init(keymap: Keymap, leading: KeyContext? = nil) {
    sections = Self.sections(keymap, leading: leading)
    lines = Self.layout(sections, width: .max)
  }

  /// What is not in the keymap: typing, answers to questions, and the mouse.
  static let notes: [Entry] = [
    ("letters, paste", "type (in the output pane while a run lives: to the program)"),
    ("Enter, ^D", "to a running program: send the line; end its input"),
    ("R, D", "when asked: restore / discard a file's autosaved edits"),
    ("y, n / r, o", "when asked: overwrite? / reload or overwrite a changed file"),
    ("click", "focus a pane; editor: place the cursor; output: go to a traceback's line"),
    ("letters, click", "snippet browser: filter the list; select, and a second click opens"),
    ("wheel", "editor: cursor 3 lines; output, analysis: scroll"),
  ]

  static func sections(_ keymap: Keymap, leading: KeyContext? = nil) -> [(title: String, entries: [Entry])] {
    let contexts = leading.map { [$0] + KeyContext.allCases.filter { $0 != leading } } ?? KeyContext.allCases
    var sections: [(title: String, entries: [Entry])] = contexts.map { context in
      let entries = keymap.commands(in: context).filter { !$0.keys.isEmpty }.map {
        (keys: $0.keys.map(\.label).joined(separator: ", "), action: $0.title)
      }
      return (context.title, entries)
    }
    sections.append(("Typing, questions and the mouse", notes))
    return sections.filter { !$0.entries.isEmpty }
  }

  /// The help as F1 shows it `width` columns wide: the keys in a column, each description beside
  /// them (wrapped in its column when long). On a narrow screen the key column narrows, down to
  /// `minimumKeyWidth`, to leave the descriptions room; keys wider than the column get a row of
  /// their own, with the description under them.
  static func lines(_ keymap: Keymap, width: Int = .max) -> [(String, Bool)] {
    layout(sections(keymap), width: width)
  }

  /// The description column the key column narrows to leave (while it can).
  private static let preferredActionWidth = 28
  /// The key column's bounds: wide enough for `F5, ^R`, and no wider than most keys need.
  private static let minimumKeyWidth = 8
  private static let maximumKeyWidth = 24

  private static func layout(_ sections: [(title: String, entries: [Entry])], width: Int) -> [(String, Bool)]
  {
    let entries = sections.flatMap(\.entries)
    let longest = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
    let room = width == .max ? longest : width - 4 - preferredActionWidth
    let keyWidth = min(longest, maximumKeyWidth, max(minimumKeyWidth, room))
    let actionX = 2 + keyWidth + 2
    let actionWidth = width == .max ? Int.max : max(1, width - actionX)
    let indent = String(repeating: " ", count: actionX)
    var lines: [(String, Bool)] = []
    for (title, entries) in sections {
      if !lines.isEmpty { lines.append(("", false)) }
      lines += WordWrap.lines(title, width: width).map { ($0, true) }
      for (keys, action) in entries {
        var actionRows = WordWrap.lines(action, width: actionWidth)
        if DisplayWidth.of(keys) <= keyWidth {
          let padding = String(repeating: " ", count: actionX - 2 - DisplayWidth.of(keys))
          lines.append(("  " + keys + padding + (actionRows.isEmpty ? "" : actionRows.removeFirst()), false))
        } else {
          lines += WordWrap.lines(keys, width: max(1, width - 2)).map { ("  " + $0, false) }
        }
        lines += actionRows.map { (indent + $0, false) }
      }
    }
    return lines
  }

  func handle(_ event: InputEvent, context: LayerContext) -> EventResult {
    guard case .key(let key) = event else {
      switch event {
      case .mouse(let mouse):
        // The wheel scrolls the list; nothing reaches the panes below.
        if mouse.action != .press { scroll(by: mouse.action == .wheelUp ? -3 : 3) }
        return .handled
      case .paste: return .handled
      default: return .ignored
      }
    }
    if key == .character("q") || context.keymap.command(for: key, in: .global) == "help" {
      context.dismiss(self)
      return .handled
    }
    switch context.keymap.command(for: key, in: .overlay)?.rawValue {
    case "overlay-close": context.dismiss(self)
    case "overlay-up": scroll(by: -1)
    case "overlay-down": scroll(by: 1)
    case "overlay-page-up": scroll(by: -pageHeight)
    case "overlay-page-down": scroll(by: pageHeight)
    case "overlay-top": top = 0
    case "overlay-bottom": top = maxTop
    default:
      // Run, cancel, quit… still work: the help closes and the key goes on down.
      guard context.keymap.command(for: key, in: .global) != nil else { return .handled }
      context.dismiss(self)
      return .ignored
    }
    return .handled
  }

  private var maxTop: Int { max(0, lines.count - pageHeight) }

  private func scroll(by rows: Int) { top = min(maxTop, max(0, top + rows)) }

  /// Where the box goes on a screen of this size: centred, at most as big as the help.
  func frame(in screen: Rect) -> Rect {
    let contentWidth = Self.layout(sections, width: .max).map { DisplayWidth.of($0.0) }.max() ?? 0
    let boxWidth = min(screen.width - 2, contentWidth + 4)
    let boxHeight = min(screen.height - 2, lines.count + 2)
    return Rect(
      x: (screen.width - boxWidth) / 2, y: (screen.height - boxHeight) / 2, width: boxWidth, height: boxHeight
    )
  }

  func render(in screen: Rect, into grid: inout Grid, context: LayerContext) {
    let rect = frame(in: screen)
    // The text sits two columns in from each side of the box.
    let textWidth = rect.width - 4
    if textWidth != linesWidth {
      lines = Self.layout(sections, width: textWidth)
      linesWidth = textWidth
    }
    pageHeight = max(1, rect.height - 2)
    top = min(top, maxTop)
    guard rect.width >= 4 && rect.height >= 3 else { return }
    let theme = context.theme
    let footer =
      [" Esc or F1 closes · ↑↓ PgUp PgDn scroll ", " Esc closes · ↑↓ PgDn scroll "]
      .first { DisplayWidth.of($0) <= rect.width - 3 } ?? ""
    Box.draw(rect, title: " Keys ", footer: footer, theme: theme, into: &grid)
    let visible = lines.dropFirst(top).prefix(rect.height - 2)
    for (row, (text, heading)) in visible.enumerated() {
      var style = theme.prompt
      style.bold = heading
      grid.put(text, x: rect.x + 2, y: rect.y + 1 + row, style: style, maxX: rect.maxX - 2)
    }
  }
}
