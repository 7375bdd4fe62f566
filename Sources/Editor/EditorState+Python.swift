/// Typing, deleting and the Python-aware edits: indentation kept and deepened on Enter, whole
/// indent levels removed by Backspace, Tab and Shift-Tab on lines, comment toggling, bracket pairs.
extension EditorState {
  static let pairs: [Character: Character] = ["(": ")", "[": "]", "{": "}", "\"": "\"", "'": "'"]
  static let closers: Set<Character> = [")", "]", "}"]
  /// A line starting with one of these ends its block: the next line is one level shallower.
  static let blockEnders: Set<Substring> = ["return", "pass", "break", "continue", "raise"]

  // MARK: Typing

  mutating func type(_ text: String, at time: Duration?) {
    guard !text.isEmpty else { return }
    defer {
      if text.count == 1, let character = text.first, Self.closers.contains(character) {
        alignClosingBracket(at: time)
      }
    }
    if settings.autoClose && selection.isEmpty && text.count == 1, let character = text.first,
      typeWithPairs(character, at: time)
    {
      return
    }
    replaceSelection(with: text, kind: .typing, time: time)
  }

  /// A closing bracket typed as the first thing on an indented line goes back to the indentation
  /// of the line that opened it, as Python editors do (PEP 8's hanging indent):
  ///
  ///     x = [
  ///         1,
  ///     ]        ← typed `]` moves here from under the 1
  private mutating func alignClosingBracket(at time: Duration?) {
    let head = selection.head
    guard selection.isEmpty, head > 0 else { return }
    let around = lineAround(head)
    let before = around.text.utf8.prefix(around.inLine)
    let indentWidth = before.prefix { $0 == 0x20 || $0 == 0x09 }.count
    guard indentWidth > 0, indentWidth == before.count - 1,
      let opener = matchingBracket(at: head - 1, lineLimit: 5_000),
      storage.line(containing: opener) < around.line
    else { return }
    let openerLine = storage.line(storage.line(containing: opener))
    let target = String(openerLine.prefix { $0 == " " || $0 == "\t" })
    guard target.utf8.count != indentWidth || !before.prefix(indentWidth).elementsEqual(target.utf8) else {
      return
    }
    let change = around.start..<(around.start + indentWidth)
    let shift = target.utf8.count - indentWidth
    perform(
      .replace(change, with: target), kind: .typing, time: time, selectionAfter: .cursor(head + shift))
  }

  /// Auto-close: steps over a closer that is already there, or types an opener with its partner.
  /// Returns false when the character should simply be inserted.
  private mutating func typeWithPairs(_ character: Character, at time: Duration?) -> Bool {
    let head = selection.head
    let around = lineAround(head)
    let before = String(decoding: around.text.utf8.prefix(around.inLine), as: UTF8.self)
    let after = String(decoding: around.text.utf8.dropFirst(around.inLine), as: UTF8.self)
    let isQuote = character == "\"" || character == "'"
    if (Self.closers.contains(character) || isQuote) && after.first == character {
      let stepped = Selection.cursor(head + character.utf8.count)
      history.extendOpenStep(from: selection, to: stepped)
      selection = stepped
      goalColumn = nil
      return true
    }
    guard let closer = Self.pairs[character] else { return false }
    let nextAllowsPair =
      after.first.map { $0.isWhitespace || Self.closers.contains($0) || ",:;".contains($0) } ?? true
    guard nextAllowsPair else { return false }
    if isQuote {
      let word = before.reversed().prefix { CharacterClass($0) == .word }
      // After a word, a quote starts a string only if the word is a prefix such as `f` or `rb`.
      let isPrefix = word.isEmpty || PythonLexer.stringPrefixes.contains(String(word.reversed()).lowercased())
      if !isPrefix || before.last == character { return false }
    }
    perform(
      .insert(String(character) + String(closer), at: head), kind: .typing, time: time,
      selectionAfter: .cursor(head + character.utf8.count))
    return true
  }

  /// Enter: keeps the indentation, adds a level after a `:`, drops one after `return`, `pass`…,
  /// and opens an empty line between a bracket pair. Whitespace left alone on a line is removed.
  mutating func insertNewline(at time: Duration?) {
    let range = selection.range
    let around = lineAround(range.lowerBound)
    let before = String(decoding: around.text.utf8.prefix(around.inLine), as: UTF8.self)
    let lineIndent = String(around.text.prefix { $0 == " " || $0 == "\t" })
    let unit = String(repeating: " ", count: settings.indentWidth)
    var indent = before.count < lineIndent.count ? String(before) : lineIndent
    let code = Self.codeBeforeComment(before)
    let firstWord = code.drop { $0 == " " || $0 == "\t" }.prefix { CharacterClass($0) == .word }
    if code.hasSuffix(":") || code.last.map({ "([{".contains($0) }) == true {
      indent += unit
    } else if Self.blockEnders.contains(firstWord)
      && range.lowerBound == around.start + around.text.utf8.count
    {
      indent = String(indent.dropLast(min(indent.count, settings.indentWidth)))
    }
    // Whitespace right after the cursor would only push the new line's text past its indent.
    let endOfLine = storage.lineRange(storage.line(containing: range.upperBound)).upperBound
    let afterCursor = storage.string(in: range.upperBound..<endOfLine)
    let trailingBlanks = afterCursor.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
    let start = before.allSatisfy({ $0 == " " || $0 == "\t" }) ? around.start : range.lowerBound
    var inserted = "\n" + indent
    let cursorAfter = start + inserted.utf8.count
    if let opener = before.last, let closer = Self.pairs[opener], Self.closers.contains(closer),
      afterCursor.dropFirst(trailingBlanks).first == closer, selection.isEmpty
    {
      inserted += "\n" + lineIndent
    }
    perform(
      .replace(start..<(range.upperBound + trailingBlanks), with: inserted), kind: .typing, time: time,
      selectionAfter: .cursor(cursorAfter))
  }

  /// The code part of a line: without a trailing comment and trailing blanks.
  static func codeBeforeComment(_ line: String) -> Substring {
    let tokens = PythonLexer.lex(line, from: .normal).spans
    let commentStart = tokens.last(where: { $0.kind == .comment })?.range.lowerBound ?? line.utf8.count
    let code = String(decoding: line.utf8.prefix(commentStart), as: UTF8.self)
    var trimmed = Substring(code)
    while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
    return trimmed
  }

  // MARK: Deleting

  /// Backspace: the selection; in leading whitespace, back to the previous indent stop; between an
  /// auto-closed pair, both halves; otherwise one grapheme cluster (or the line break).
  mutating func deleteBackward(at time: Duration?) {
    guard selection.isEmpty else { return replaceSelection(with: "", kind: .deleting, time: time) }
    let head = selection.head
    guard head > 0 else { return }
    let around = lineAround(head)
    let before = around.text.utf8.prefix(around.inLine)
    var range = characterBoundary(before: head)..<head
    if around.inLine > 0 && before.allSatisfy({ $0 == 0x20 }) {
      range = (head - ((around.inLine - 1) % settings.indentWidth + 1))..<head
    } else if settings.autoClose, around.inLine > 0 {
      let text = around.text
      let index = text.utf8.index(text.startIndex, offsetBy: around.inLine)
      let previous = text[text.index(before: index)]
      if index < text.endIndex, let closer = Self.pairs[previous], text[index] == closer {
        range = range.lowerBound..<(head + closer.utf8.count)
      }
    }
    perform(.delete(range), kind: .deleting, time: time, selectionAfter: .cursor(range.lowerBound))
  }

  mutating func deleteForward(at time: Duration?) {
    guard selection.isEmpty else { return replaceSelection(with: "", kind: .deleting, time: time) }
    let head = selection.head
    guard head < storage.byteCount else { return }
    perform(.delete(head..<characterBoundary(after: head)), kind: .deleting, time: time)
  }

  // MARK: Lines

  /// The lines the selection covers; a selection ending at a line's start leaves that line out.
  func selectedLines() -> ClosedRange<Int> {
    let range = selection.range
    let first = storage.line(containing: range.lowerBound)
    var last = storage.line(containing: range.upperBound)
    if last > first && storage.lineStart(last) == range.upperBound { last -= 1 }
    return first...last
  }

  /// Tab: with a selection, indents its lines; otherwise inserts spaces to the next indent stop.
  mutating func indent(at time: Duration?) {
    guard !selection.isEmpty else {
      let around = lineAround(selection.head)
      let column = screenColumn(inLine: around.text, byteOffset: around.inLine)
      let spaces = settings.indentWidth - column % settings.indentWidth
      return replaceSelection(with: String(repeating: " ", count: spaces), kind: .typing, time: time)
    }
    let unit = String(repeating: " ", count: settings.indentWidth)
    let edits = selectedLines().compactMap { line -> Edit.Replacement? in
      let range = storage.lineRange(line)
      return range.isEmpty ? nil : Edit.Replacement(range.lowerBound..<range.lowerBound, with: unit)
    }
    performOnLines(Edit(edits), time: time)
  }

  /// Shift-Tab: removes up to one indent level (or one tab) from each selected line.
  mutating func dedentLines(at time: Duration?) {
    let edits = selectedLines().compactMap { line -> Edit.Replacement? in
      let range = storage.lineRange(line)
      let text = storage.line(line)
      let width = text.first == "\t" ? 1 : text.utf8.prefix(settings.indentWidth).prefix { $0 == 0x20 }.count
      return width == 0 ? nil : Edit.Replacement(range.lowerBound..<(range.lowerBound + width), with: "")
    }
    performOnLines(Edit(edits), time: time)
  }

  /// Comments the selected lines with `# ` at their common indentation, or uncomments them when
  /// every non-blank one is already a comment.
  mutating func toggleComment(at time: Duration?) {
    let lines = selectedLines().map { (start: storage.lineStart($0), text: storage.line($0)) }
      .filter { !$0.text.allSatisfy(\.isWhitespace) }
    guard !lines.isEmpty else { return }
    let indents = lines.map { $0.text.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count }
    let allComments = zip(lines, indents).allSatisfy { line, indent in
      line.text.utf8.dropFirst(indent).first == UInt8(ascii: "#")
    }
    let edits = zip(lines, indents).map { line, indent -> Edit.Replacement in
      let at = line.start + (allComments ? indent : indents.min()!)
      guard allComments else { return Edit.Replacement(at..<at, with: "# ") }
      let rest = line.text.utf8.dropFirst(indent)
      let width = rest.dropFirst().first == 0x20 ? 2 : 1
      return Edit.Replacement(at..<(at + width), with: "")
    }
    performOnLines(Edit(edits), time: time)
  }

  /// A line edit keeps a selection edge that sits at a line's start there, so whole-line
  /// selections stay whole.
  private mutating func performOnLines(_ edit: Edit, time: Duration?) {
    func mapped(_ offset: Int) -> Int {
      let atLineStart = storage.lineStart(storage.line(containing: offset)) == offset
      return edit.map(offset, bias: atLineStart && !selection.isEmpty ? .before : .after)
    }
    let after = Selection(anchor: mapped(selection.anchor), head: mapped(selection.head))
    perform(edit, kind: .standalone, time: time, selectionAfter: after)
  }
}
