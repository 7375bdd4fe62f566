import Editor
import FoundationEssentials

/// The code editor: line numbers, highlighted text, the selection, and a cursor kept in view. Its
/// bottom row doubles as the prompt for find, replace and go to line, so the app needs no part in
/// them. docs/keybindings.md lists every key.
public struct EditorPane: Component {
  public var state: EditorState
  public var fileName: String
  /// The file Ctrl-S saves to; nil until one is known, when Ctrl-S asks for a name.
  public var document: DocumentFile?
  /// Where cut and copy also go, and paste also reads from; only the register until the app
  /// picks the system's (`Clipboard.detect`).
  public var clipboard = Clipboard.internal
  var topLine = 0
  private(set) var leftColumn = 0
  var theme: Theme = .standard
  /// Signs in the gutter's last column by 0-based line (the analysis's hot lines).
  public var gutterMarks: [Int: GutterMark] = [:]
  /// When edits happen (monotonic), which decides how typing groups into undo steps. Tests
  /// replace it with a fake clock.
  var clock: () -> Duration = EditorPane.monotonicNow
  /// The open prompt on the bottom row, if any (EditorPane+Prompt.swift).
  var prompt: EditorPrompt?
  /// The last search, for F3 / Ctrl-N / Ctrl-P after its prompt closed.
  var lastSearch: SearchQuery?
  /// A note for the bottom row ("no matches", "replaced 3") that lasts until the next key.
  var message: String?
  /// Lines of text on screen at the last layout: how far Page Up and Page Down go.
  private(set) var pageHeight = 20
  /// The matches drawn while a search prompt is open, for the text version they were found in.
  private var matchCache: (version: Int, query: SearchQuery, ranges: [Range<Int>])?

  public init(state: EditorState, fileName: String) {
    self.state = state
    self.fileName = fileName
  }

  /// Shows a note on the bottom row until the next key.
  public mutating func note(_ text: String) { message = text }

  /// Whether the text differs from what was loaded or saved (undoing back to it is unmodified).
  public var isModified: Bool { !state.isAtSavedText }

  /// Loads a file (a missing one is an empty new file) into the editor.
  public mutating func open(path: String) throws(DocumentFile.Failure) {
    let (document, text) = try DocumentFile.open(path)
    state = EditorState(text: text, settings: state.settings)
    self.document = document
    fileName = DocumentFile.fileName(of: path)
    if document.isReadOnly { message = "\(path) is read-only: ^S asks for another name" }
  }

  private static let start = ContinuousClock.now
  static func monotonicNow() -> Duration { ContinuousClock.now - start }

  // MARK: Input

  public mutating func handle(_ event: InputEvent) -> EventResult {
    switch event {
    case .key(let key):
      message = nil
      if prompt != nil {
        handlePromptKey(key)
        return .handled
      }
      return handleEditorKey(key) ? .handled : .ignored
    case .paste(let text):
      if var current = prompt {
        current.type(String(text.prefix { $0 != "\n" && $0 != "\r\n" }))
        prompt = current
        if current.isSearch { findIncrementally() }
      } else {
        state.apply(.paste(text), at: clock())
      }
      return .handled
    case .resize, .mouse:
      return .ignored
    }
  }

  /// A click at a cell of this pane (relative to its top-left corner) puts the cursor there.
  public mutating func click(column: Int, row: Int) {
    guard prompt == nil, row >= 0, row < max(1, pageHeight + 1) else { return }
    let textColumn = leftColumn + max(0, column - gutterWidth())
    state.apply(.move(.screenPosition(line: topLine + row, column: textColumn)), at: clock())
  }

  /// The wheel moves the cursor (and the view with it) three lines.
  public mutating func wheel(down: Bool) {
    let movement: Movement = down ? .down : .up
    for _ in 0..<3 { state.apply(.move(movement), at: clock()) }
  }

  private mutating func handleEditorKey(_ key: Key) -> Bool {
    switch key {
    case .ctrl("f"): openPrompt(.find)
    case .ctrl("e"): openPrompt(.replaceFind)
    case .ctrl("g"): openPrompt(.goToLine)
    case .ctrl("s"): save()
    case .function(2), .modified(.character("s"), .alt): saveAs()
    case .ctrl("n"), .function(3): findAgain(.forward)
    case .ctrl("p"), .modified(.function(3), .shift): findAgain(.backward)
    default:
      guard let command = Self.command(for: key, pageHeight: pageHeight) else { return false }
      if command == .pasteRegister, let text = clipboard.paste(), text != state.register {
        // Something else was copied since: the system clipboard wins, pasted as a paste.
        state.apply(.paste(text), at: clock())
        return true
      }
      state.apply(command, at: clock())
      if command == .copy || command == .cut { clipboard.copy(state.register) }
    }
    return true
  }

  /// The editor command a key stands for when no prompt is open.
  static func command(for key: Key, pageHeight: Int = 20) -> EditorCommand? {
    switch key {
    // Ctrl-/ arrives as 0x1F (Ctrl-_) in most terminals: a bonus alias for Ctrl-T.
    case .character("\u{1F}"): return .toggleComment
    // Other control characters (Ctrl-\, Ctrl-]…) are keys nobody means to type into code.
    case .character(let c) where ControlPicture.substitute(for: c) != nil: return nil
    case .character(let c): return .insert(String(c))
    case .enter: return .newline
    case .tab: return .indent
    case .backTab: return .dedent
    case .backspace: return .backspace
    case .delete: return .deleteForward
    case .escape: return .collapseSelection
    case .ctrl("z"): return .undo
    case .ctrl("y"): return .redo
    case .ctrl("a"): return .selectAll
    case .ctrl("x"), .modified(.delete, .shift): return .cut
    case .ctrl("k"), .modified(.insert, .control): return .copy
    case .ctrl("v"), .modified(.insert, .shift): return .pasteRegister
    case .ctrl("d"): return .selectWord
    case .ctrl("l"): return .selectLine
    case .ctrl("t"): return .toggleComment
    case .ctrl("b"): return .jumpToMatchingBracket
    case .modified(let base, let modifiers):
      return movement(for: base, control: modifiers.contains(.control), pageHeight: pageHeight)
        .map { .move($0, extend: modifiers.contains(.shift)) }
    default:
      return movement(for: key, control: false, pageHeight: pageHeight).map { .move($0) }
    }
  }

  private static func movement(for key: Key, control: Bool, pageHeight: Int) -> Movement? {
    switch key {
    case .left: return control ? .wordLeft : .left
    case .right: return control ? .wordRight : .right
    case .up: return .up
    case .down: return .down
    case .home: return control ? .documentStart : .lineStart
    case .end: return control ? .documentEnd : .lineEnd
    case .pageUp: return .pageUp(lines: pageHeight)
    case .pageDown: return .pageDown(lines: pageHeight)
    default: return nil
    }
  }

  // MARK: Layout

  /// The note over the bottom of the pane — a message, or why a search could not run — wrapped to
  /// `width` so it is read in full (up to half the pane).
  func noteLines(width: Int, height: Int) -> [String] {
    guard let note = prompt?.error ?? prompt?.question ?? (prompt == nil ? message : nil) else { return [] }
    return Array(WordWrap.lines(note, width: max(1, width - 1)).prefix(max(1, height / 2)))
  }

  /// Whether the search options get a row of their own, above the prompt, for want of room on it.
  func optionsNeedARow(width: Int) -> Bool {
    guard let prompt, !prompt.optionsText.isEmpty else { return false }
    let used = [prompt.label, prompt.input, "  ", prompt.status, "  ", prompt.optionsText]
    return used.map(DisplayWidth.of).reduce(0, +) > width
  }

  /// Rows at the bottom that hold the note and the prompt instead of text.
  func bottomRows(width: Int, height: Int) -> Int {
    guard prompt != nil else { return noteLines(width: width, height: height).count }
    return noteLines(width: width, height: height).count + (optionsNeedARow(width: width) ? 2 : 1)
  }

  /// Width of the line-number gutter, including one blank column.
  public func gutterWidth() -> Int { String(state.lineCount).count + 2 }

  /// Scrolls so the cursor is visible in a text area of the given size, and readies what the next
  /// frame draws (highlighting states, search matches).
  public mutating func scrollToCursor(textWidth: Int, height: Int) {
    let textHeight = max(1, height - bottomRows(width: textWidth + gutterWidth(), height: height))
    pageHeight = max(1, textHeight - 1)
    let cursor = state.cursor
    if cursor.line < topLine { topLine = cursor.line }
    if cursor.line >= topLine + textHeight { topLine = cursor.line - textHeight + 1 }
    let column = visualColumn(of: state.selection.head)
    if column < leftColumn { leftColumn = column }
    if textWidth > 1 && column >= leftColumn + textWidth { leftColumn = column - textWidth + 1 }
    state.prepareHighlighting(through: topLine + textHeight)
    refreshMatches()
  }

  private mutating func refreshMatches() {
    guard let query = drawnQuery, !query.pattern.isEmpty else { return matchCache = nil }
    if let cache = matchCache, cache.version == state.version, cache.query == query { return }
    let ranges = (try? state.matches(of: query)) ?? []
    matchCache = (state.version, query, ranges)
  }

  /// The screen column of a text offset, counted from the start of its line.
  func visualColumn(of offset: Int) -> Int {
    let line = state.storage.line(containing: offset)
    let start = state.storage.lineStart(line)
    return state.screenColumn(inLine: state.line(line), byteOffset: offset - start)
  }

  /// Where the terminal cursor goes, given the rectangle this pane was drawn in.
  public func cursorLocation(in rect: Rect) -> (x: Int, y: Int)? {
    if let prompt {
      let x = rect.x + DisplayWidth.of(prompt.label) + DisplayWidth.of(prompt.input)
      return (min(x, rect.maxX - 1), rect.maxY - 1)
    }
    let x = rect.x + gutterWidth() + visualColumn(of: state.selection.head) - leftColumn
    let y = rect.y + state.cursor.line - topLine
    let textHeight = rect.height - bottomRows(width: rect.width, height: rect.height)
    return rect.contains(x: x, y: y) && y < rect.y + textHeight ? (x, y) : nil
  }

  // MARK: Drawing

  public func render(in rect: Rect, into grid: inout Grid) {
    grid.fill(rect, style: theme.text)
    let bottom = bottomRows(width: rect.width, height: rect.height)
    let textHeight = rect.height - bottom
    let gutter = gutterWidth()
    let cursorLine = state.storage.line(containing: state.selection.head)
    let marks = LineMarks(
      selection: state.selection.range, matches: matchCache.map(\.ranges) ?? [],
      brackets: bracketPair())
    for row in 0..<max(0, textHeight) {
      let index = topLine + row
      guard index < state.lineCount else { break }
      let y = rect.y + row
      let number = String(index + 1)
      let numberStyle = index == cursorLine ? theme.currentLineNumber : theme.gutter
      grid.put(
        String(repeating: " ", count: max(0, gutter - 1 - number.count)) + number, x: rect.x, y: y,
        style: numberStyle, maxX: rect.maxX)
      if let mark = gutterMarks[index] {
        grid.put(mark.symbol, x: rect.x + gutter - 1, y: y, style: mark.style(in: theme), maxX: rect.maxX)
      }
      drawLine(index, x: rect.x + gutter, y: y, maxX: rect.maxX, marks: marks, into: &grid)
    }
    if bottom > 0 && rect.height > 0 {
      let rows = min(bottom, rect.height)
      drawBottom(
        in: Rect(x: rect.x, y: rect.maxY - rows, width: rect.width, height: rows),
        notes: noteLines(width: rect.width, height: rect.height), into: &grid)
    }
  }

  /// What is drawn over the highlighting: the selection, search matches, the bracket pair.
  private struct LineMarks {
    var selection: Range<Int>
    var matches: [Range<Int>]
    var brackets: [Int]

    /// The index of the first match that ends after `offset` (matches are sorted).
    func firstMatch(endingAfter offset: Int) -> Int {
      var low = 0
      var high = matches.count
      while low < high {
        let mid = (low + high) / 2
        if matches[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
      }
      return low
    }
  }

  /// The bracket next to the cursor and its partner, when both exist.
  private func bracketPair() -> [Int] {
    guard state.selection.isEmpty else { return [] }
    guard let pair = state.bracketPair(near: state.selection.head, lineLimit: max(1, pageHeight) * 4) else {
      return []
    }
    return [pair.bracket, pair.match]
  }

  /// Draws one line from `leftColumn`, the part left of it scrolled out of view. Characters of one
  /// style go to the grid together, as one run.
  private func drawLine(_ index: Int, x: Int, y: Int, maxX: Int, marks: LineMarks, into grid: inout Grid) {
    let (start, text, spans) = state.highlightedLine(index)
    var spanIndex = 0
    var styledSpan = -1
    var spanStyle = theme.text
    var matchIndex = marks.firstMatch(endingAfter: start)
    /// The style of the character at `offset` (in the line); offsets must come in increasing order.
    func style(at offset: Int, inert: Bool) -> Style {
      let position = start + offset
      while spanIndex < spans.count && spans[spanIndex].range.upperBound <= offset { spanIndex += 1 }
      var style = theme.text
      if spanIndex < spans.count && spans[spanIndex].range.contains(offset) {
        // One theme lookup per span, not per character.
        if styledSpan != spanIndex {
          styledSpan = spanIndex
          spanStyle = theme.highlight.style(for: spans[spanIndex].kind)
        }
        style = spanStyle
      }
      if inert { style = theme.inert }
      while matchIndex < marks.matches.count && marks.matches[matchIndex].upperBound <= position {
        matchIndex += 1
      }
      if matchIndex < marks.matches.count && marks.matches[matchIndex].contains(position) {
        style = theme.searchMatch
      }
      if marks.brackets.contains(position) { style = theme.matchingBracket }
      if marks.selection.contains(position) { style = theme.selection }
      return style
    }

    let (column, offset) =
      text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
      ? drawPrintableASCII(text, x: x, y: y, maxX: maxX, style: style, into: &grid)
      : drawCharacters(text, x: x, y: y, maxX: maxX, style: style, into: &grid)
    // A selected line break shows as one selected blank after the text.
    let screenX = x + column - leftColumn
    if offset == text.utf8.count && marks.selection.contains(start + offset) && screenX >= x && screenX < maxX
    {
      grid.put(" ", x: screenX, y: y, style: theme.selection, maxX: maxX)
    }
  }

  /// The common case, a line of printable ASCII: a byte is a character is a column, so runs of one
  /// style are slices of the line. Returns the column and offset reached (the line's end).
  private func drawPrintableASCII(
    _ text: String, x: Int, y: Int, maxX: Int, style: (Int, Bool) -> Style, into grid: inout Grid
  ) -> (column: Int, offset: Int) {
    let bytes = Array(text.utf8)
    let first = min(leftColumn, bytes.count)
    let last = max(first, min(bytes.count, leftColumn + (maxX - x)))
    var runStart = first
    var runStyle: Style?
    func flush(upTo end: Int) {
      guard let runStyle, end > runStart else { return }
      let run = String(decoding: bytes[runStart..<end], as: UTF8.self)
      grid.put(run, x: x + runStart - leftColumn, y: y, style: runStyle, maxX: maxX)
    }
    for offset in first..<last {
      let current = style(offset, false)
      if current != runStyle {
        flush(upTo: offset)
        runStart = offset
        runStyle = current
      }
    }
    flush(upTo: last)
    return (bytes.count, bytes.count)
  }

  /// Any other line, grapheme by grapheme: wide characters, tabs, control pictures. Each cluster is
  /// measured once, here, and handed to the grid with its width. A run (characters of one style)
  /// matters only to a zero-width cluster, which joins the cell before it within its run.
  private func drawCharacters(
    _ text: String, x: Int, y: Int, maxX: Int, style: (Int, Bool) -> Style, into grid: inout Grid
  ) -> (column: Int, offset: Int) {
    var column = 0
    var offset = 0
    var runStyle: Style?
    var runStart = x
    for character in text {
      let width = DisplayWidth.onScreen(character, atColumn: column, tabWidth: state.settings.tabWidth)
      let screenX = x + column - leftColumn
      if screenX >= maxX { break }
      if column >= leftColumn {
        let picture = ControlPicture.substitute(for: character)
        let current = style(offset, picture != nil)
        if current != runStyle {
          runStyle = current
          runStart = screenX
        }
        if let picture {
          grid.put(picture, x: screenX, y: y, style: current, maxX: maxX)
        } else if character.utf8.first == 0x09 {  // a tab is always a cluster of its own
          grid.put(String(repeating: " ", count: width), x: screenX, y: y, style: current, maxX: maxX)
        } else {
          grid.put(character, width: width, x: screenX, y: y, style: current, maxX: maxX, runStart: runStart)
        }
      }
      column += width
      offset += character.utf8.count
    }
    return (column, offset)
  }

  /// The note (each line of it), the search options when they need a row, and on the last row
  /// the prompt.
  private func drawBottom(in rect: Rect, notes: [String], into grid: inout Grid) {
    grid.fill(rect, style: theme.prompt)
    let noteStyle = prompt?.error != nil ? theme.statusError : theme.prompt
    for (row, line) in notes.enumerated() where row < rect.height {
      grid.put(" " + line, x: rect.x, y: rect.y + row, style: noteStyle, maxX: rect.maxX)
    }
    guard let prompt else { return }
    let y = rect.maxY - 1
    let optionsRow = optionsNeedARow(width: rect.width)
    if optionsRow && rect.height > 1 {
      grid.put(" " + prompt.optionsText, x: rect.x, y: y - 1, style: theme.hint, maxX: rect.maxX)
    }
    var x = grid.put(prompt.label, x: rect.x, y: y, style: theme.prompt.bolded, maxX: rect.maxX)
    let inputStyle = prompt.inputIsSuggestion ? theme.selection : theme.prompt
    x = grid.put(prompt.input, x: x, y: y, style: inputStyle, maxX: rect.maxX)
    let details = [prompt.status, optionsRow ? "" : prompt.optionsText].filter { !$0.isEmpty }
      .joined(separator: "  ")
    if !details.isEmpty { x = grid.put("  " + details, x: x, y: y, style: theme.hint, maxX: rect.maxX) }
    let hintX = rect.maxX - DisplayWidth.of(prompt.hint) - 1
    if hintX > x + 2 { grid.put(prompt.hint, x: hintX, y: y, style: theme.hint, maxX: rect.maxX) }
  }
}

extension Style {
  fileprivate var bolded: Style {
    var style = self
    style.bold = true
    return style
  }
}
