import Editor

/// What the program printed, as it arrives, with the colours it asked for. Follows the end while
/// at the bottom; scrolled back, it holds still however much more arrives. Soft-wraps long lines
/// (or scrolls sideways with wrap off), finds, selects and copies, and saves to a file.
public struct OutputPane {
  public var log = OutputLog()
  var placeholder = "Press F5 or Ctrl-R to run."
  var theme: Theme = .standard
  /// Which command each key is, in the pane and its prompt (the app hands in the user's).
  var keymap = Keymap.standard
  /// The top row while scrolled back; nil follows new output.
  private(set) var top: OutputView.Position?
  /// Long lines wrap (the default) or run off the right edge, scrolled with ← →.
  private(set) var wrap = true
  /// Columns scrolled right, with wrap off.
  private(set) var column = 0
  /// Show SGR codes as inert text instead of obeying them.
  private(set) var showsRawCodes = false
  /// Selected lines, by id: where the selection started and where it ends now.
  private(set) var selection: (anchor: Int, end: Int)?
  /// The find or save prompt on the pane's bottom row.
  var prompt: OutputPrompt?
  /// A one-off note on the bottom row (copied, saved, wrap on…), gone at the next key.
  var notice: String?
  /// The last match find jumped to: a line id and the characters matched.
  var match: (line: Int, range: Range<Int>)?
  /// What find looked for last (F3 repeats it with the prompt closed).
  var lastQuery: String?
  /// Text copied with ^K, for the app to hand to the clipboard.
  var copied: String?
  /// The field that types to the running program, while its standard input is open.
  var stdin: StdinField?
  /// What the field asked of the run, for the app to carry out.
  var stdinActions: [StdinField.Action] = []
  /// The size the pane last drew at (the app sets it before drawing).
  private(set) var size = (width: 80, height: 10)

  public init() {}

  /// The pane's title: what is on (wrap off, raw codes) and whether it holds a scrolled-back view.
  var title: String {
    var parts = ["Output"]
    if !wrap { parts.append("no wrap") }
    if showsRawCodes { parts.append("raw codes") }
    if top != nil { parts.append("held (End)") }
    return " " + parts.joined(separator: " · ") + " "
  }

  /// Sets the size of the text area the next frame draws (the bottom row goes to a prompt).
  mutating func fit(width: Int, height: Int) { size = (max(1, width), max(1, height)) }

  var textHeight: Int { max(1, size.height - (hasBottomRow ? 1 : 0)) }

  /// Whether the bottom row holds a prompt, a notice or the stdin field rather than output.
  var hasBottomRow: Bool { prompt != nil || notice != nil || stdin != nil }

  var view: OutputView {
    OutputView(log: log, width: size.width, wrap: wrap, interpretSGR: !showsRawCodes)
  }

  /// Whether the pane follows new output (nothing scrolled back).
  var isFollowing: Bool { top == nil }

  /// Whether Esc has something to close inside the pane; otherwise it leaves the pane.
  var escapeStaysInPane: Bool { prompt != nil || selection != nil || match != nil }

  public mutating func handle(_ event: InputEvent) -> EventResult {
    if case .paste(let text) = event, prompt != nil {
      prompt?.type(text)
      if prompt?.purpose == .find { findIncrementally() }
      return .handled
    }
    if prompt == nil, typeToProgram(event) { return .handled }
    guard case .key(let key) = event else { return .ignored }
    notice = nil
    if prompt != nil { return handlePromptKey(key) }
    guard let name = keymap.command(for: key, in: .output) else { return .ignored }
    return perform(name)
  }

  /// Carries out an output command (`CommandCatalog.output`); `.ignored` when it has nothing to
  /// do here (Esc with nothing to close: the app then goes back to the editor).
  mutating func perform(_ name: CommandName) -> EventResult {
    switch name.rawValue {
    case "output-scroll-up": scroll(by: -1)
    case "output-scroll-down": scroll(by: 1)
    case "output-page-up": scroll(by: -(textHeight - 1))
    case "output-page-down": scroll(by: textHeight - 1)
    case "output-top": scrollToTop()
    case "output-follow": top = nil
    case "output-scroll-left" where !wrap: column = max(0, column - 8)
    case "output-scroll-right" where !wrap: column += 8
    case "output-select-up": extendSelection(by: -1)
    case "output-select-down": extendSelection(by: 1)
    case "output-select-all": selectAll()
    case "output-copy": copy()
    case "output-find": prompt = OutputPrompt(purpose: .find)
    case "output-find-next": findNext(forward: true)
    case "output-find-previous": findNext(forward: false)
    case "toggle-wrap": toggleWrap()
    case "toggle-raw-codes":
      showsRawCodes.toggle()
      let key = keymap.keys(for: name).first.map { $0.label + ": " } ?? ""
      notice = showsRawCodes ? "raw codes shown (\(key)colours)" : "colours shown (\(key)raw codes)"
    case "save-output":
      prompt = OutputPrompt(purpose: .saveAs, input: "output.txt", inputIsSuggestion: true)
    case "output-escape":
      guard escapeStaysInPane else { return .ignored }
      selection = nil
      match = nil
    default: return .ignored
    }
    return .handled
  }

  /// The wheel scrolls three rows.
  public mutating func wheel(down: Bool) { scroll(by: down ? 3 : -3) }

  public mutating func clear() {
    log.clear()
    top = nil
    column = 0
    selection = nil
    match = nil
  }

  // MARK: Scrolling

  /// The top row as drawn now: the anchored one, or the one that puts the end on the last row.
  var currentTop: OutputView.Position? {
    let view = self.view
    if let top, let valid = view.valid(top) { return valid }
    return view.bottomTop(height: textHeight)
  }

  mutating func scroll(by rows: Int) {
    let view = self.view
    guard let start = currentTop else { return }
    let moved = view.move(start, by: rows)
    // At the end again: follow what comes next.
    top = view.reachesEnd(from: moved, height: textHeight) ? nil : moved
  }

  /// Back to following new output.
  mutating func follow() { top = nil }

  mutating func scrollToTop() {
    let view = self.view
    guard let first = view.first else { return }
    let start = OutputView.Position(item: first, row: 0)
    top = view.reachesEnd(from: start, height: textHeight) ? nil : start
  }

  /// Scrolls so that `id`'s line is on screen, a third of the way down.
  mutating func reveal(line id: Int) {
    let view = self.view
    let visible = visibleItems()
    if visible.contains(.line(id)) { return }
    let start = view.move(OutputView.Position(item: .line(id), row: 0), by: -(textHeight / 3))
    top = view.reachesEnd(from: start, height: textHeight) ? nil : start
  }

  /// The items with a row on screen, top to bottom.
  func visibleItems() -> [OutputView.Item] {
    let view = self.view
    guard var position = currentTop else { return [] }
    var items = [position.item]
    var rows = view.rowCount(of: position.item) - position.row
    while rows < textHeight, let next = view.next(position.item) {
      position = OutputView.Position(item: next, row: 0)
      items.append(next)
      rows += view.rowCount(of: next)
    }
    return items
  }

  private mutating func toggleWrap() {
    wrap.toggle()
    column = 0
    // The anchored row may no longer exist at the new wrapping: keep its line at the top.
    if let top { self.top = OutputView.Position(item: top.item, row: 0) }
    let toggle = keymap.hintKeys("toggle-wrap").map { "(\($0): \(wrap ? "scroll sideways" : "wrap"))" } ?? ""
    let sideways = keymap.hintKeys(["output-scroll-left", "output-scroll-right"]).map {
      ": \($0) scroll sideways"
    }
    notice = (wrap ? ["wrap on", toggle] : ["wrap off" + (sideways ?? ""), toggle]).filter { !$0.isEmpty }
      .joined(separator: " ")
  }

  // MARK: Selecting and copying

  private mutating func extendSelection(by delta: Int) {
    let lineIDs = visibleItems().compactMap { item -> Int? in
      if case .line(let id) = item { return id }
      return nil
    }
    guard let bottom = lineIDs.last else { return }
    var current = selection ?? (anchor: bottom, end: bottom)
    if selection != nil {
      let view = self.view
      var item = OutputView.Item.line(current.end)
      repeat {
        guard let next = delta < 0 ? view.previous(item) : view.next(item) else { break }
        item = next
      } while item == .dropped
      if case .line(let id) = item { current.end = id }
    }
    selection = current
    reveal(line: current.end)
  }

  private mutating func selectAll() {
    guard let last = view.last, case .line(let lastID) = last else { return }
    selection = (anchor: 0, end: lastID)
    notice = "all output selected" + (keymap.hintKeys("output-copy").map { ": \($0) copies" } ?? "")
  }

  /// The selected lines' ids, in order.
  var selectedRange: ClosedRange<Int>? {
    selection.map { min($0.anchor, $0.end)...max($0.anchor, $0.end) }
  }

  /// The selected lines (or all of them) as text, with the dropped mark where lines are missing.
  func text(of range: ClosedRange<Int>?) -> String {
    var lines: [String] = []
    for (index, line) in log.lines.enumerated() {
      let id = log.id(ofLineAt: index)
      if let range, !range.contains(id) { continue }
      if index == 1 && log.droppedLines > 0 && range.map({ $0.contains(1) }) ?? true {
        lines.append(view.cells(of: .dropped).text)
      }
      lines.append(showsRawCodes ? String(decoding: line.bytes, as: UTF8.self) : line.text)
    }
    return lines.joined(separator: "\n")
  }

  private mutating func copy() {
    guard !log.lines.isEmpty else {
      notice = "nothing to copy"
      return
    }
    let range = selectedRange
    copied = text(of: range)
    let count = range.map { _ in copied!.split(separator: "\n", omittingEmptySubsequences: false).count }
    notice = count.map { "copied \($0) \($0 == 1 ? "line" : "lines")" } ?? "copied all output"
    selection = nil
  }

  /// The text ^K copied, once.
  mutating func takeCopied() -> String? {
    defer { copied = nil }
    return copied
  }

  mutating func say(_ note: String) { notice = note }
}
