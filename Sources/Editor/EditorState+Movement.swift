/// Cursor movement and selection by grapheme cluster, word, line and page.
extension EditorState {
  mutating func move(_ movement: Movement, extend: Bool) {
    if !extend && !selection.isEmpty {
      // Left and Right without Shift collapse the selection to the side they point at.
      switch movement {
      case .left: return moveHead(to: selection.range.lowerBound, extend: false)
      case .right: return moveHead(to: selection.range.upperBound, extend: false)
      default: break
      }
    }
    let head = selection.head
    switch movement {
    case .left: moveHead(to: characterBoundary(before: head), extend: extend)
    case .right: moveHead(to: characterBoundary(after: head), extend: extend)
    case .up: moveVertically(by: -1, extend: extend)
    case .down: moveVertically(by: 1, extend: extend)
    case .pageUp(let lines): moveVertically(by: -max(1, lines), extend: extend)
    case .pageDown(let lines): moveVertically(by: max(1, lines), extend: extend)
    case .wordLeft: moveHead(to: wordBoundary(before: head), extend: extend)
    case .wordRight: moveHead(to: wordBoundary(after: head), extend: extend)
    case .lineStart: moveHead(to: smartLineStart(from: head), extend: extend)
    case .lineEnd:
      let line = storage.line(containing: head)
      moveHead(to: storage.lineRange(line).upperBound, extend: extend)
    case .documentStart: moveHead(to: 0, extend: extend)
    case .screenPosition(let line, let column):
      let target = min(max(0, line), lineCount - 1)
      let inLine = byteOffset(inLine: storage.line(target), screenColumn: max(0, column))
      moveHead(to: storage.lineStart(target) + inLine, extend: extend)
    case .documentEnd: moveHead(to: storage.byteCount, extend: extend)
    }
  }

  /// The previous grapheme cluster boundary; from a line's start, the end of the line before.
  func characterBoundary(before offset: Int) -> Int {
    let around = lineAround(offset)
    guard around.inLine > 0 else { return max(0, offset - 1) }
    let index = around.text.utf8.index(around.text.startIndex, offsetBy: around.inLine)
    let previous = around.text.index(before: index)
    return around.start + around.text.utf8.distance(from: around.text.startIndex, to: previous)
  }

  /// The next grapheme cluster boundary; from a line's end, the start of the next line.
  func characterBoundary(after offset: Int) -> Int {
    let around = lineAround(offset)
    guard around.inLine < around.text.utf8.count else { return min(storage.byteCount, offset + 1) }
    let index = around.text.utf8.index(around.text.startIndex, offsetBy: around.inLine)
    let next = around.text.index(after: index)
    return around.start + around.text.utf8.distance(from: around.text.startIndex, to: next)
  }

  /// Back over whitespace, then over one run of word or punctuation characters; a line's start
  /// is a stop of its own.
  func wordBoundary(before offset: Int) -> Int {
    let around = lineAround(offset)
    guard around.inLine > 0 else { return max(0, offset - 1) }
    let prefix = String(decoding: around.text.utf8.prefix(around.inLine), as: UTF8.self)
    var index = prefix.endIndex
    while index > prefix.startIndex && CharacterClass(prefix[prefix.index(before: index)]) == .whitespace {
      index = prefix.index(before: index)
    }
    if index > prefix.startIndex {
      let runClass = CharacterClass(prefix[prefix.index(before: index)])
      while index > prefix.startIndex && CharacterClass(prefix[prefix.index(before: index)]) == runClass {
        index = prefix.index(before: index)
      }
    }
    return around.start + prefix.utf8.distance(from: prefix.startIndex, to: index)
  }

  /// Over one run of word or punctuation characters, then over whitespace; a line's end is a
  /// stop of its own.
  func wordBoundary(after offset: Int) -> Int {
    let around = lineAround(offset)
    guard around.inLine < around.text.utf8.count else { return min(storage.byteCount, offset + 1) }
    let text = around.text
    var index = text.utf8.index(text.startIndex, offsetBy: around.inLine)
    let runClass = CharacterClass(text[index])
    if runClass != .whitespace {
      while index < text.endIndex && CharacterClass(text[index]) == runClass {
        index = text.index(after: index)
      }
    }
    while index < text.endIndex && CharacterClass(text[index]) == .whitespace {
      index = text.index(after: index)
    }
    return around.start + text.utf8.distance(from: text.startIndex, to: index)
  }

  /// The first non-blank character of the line, or its start when already there (or before it).
  func smartLineStart(from offset: Int) -> Int {
    let around = lineAround(offset)
    let indent = around.text.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
    return around.inLine == indent ? around.start : around.start + indent
  }

  /// Up or down by `delta` lines, aiming for the same screen column (the goal column), which
  /// survives short lines and wide characters on the way.
  mutating func moveVertically(by delta: Int, extend: Bool) {
    let around = lineAround(selection.head)
    let goal = goalColumn ?? screenColumn(inLine: around.text, byteOffset: around.inLine)
    let target = around.line + delta
    let destination: Int
    if target < 0 {
      destination = 0
    } else if target >= lineCount {
      destination = storage.byteCount
    } else {
      let text = storage.line(target)
      destination = storage.lineStart(target) + byteOffset(inLine: text, screenColumn: goal)
    }
    moveHead(to: destination, extend: extend)
    goalColumn = goal
  }

  /// The screen column at which the character at `byteOffset` of `text` starts.
  public func screenColumn(inLine text: String, byteOffset: Int) -> Int {
    var column = 0
    var offset = 0
    for character in text {
      if offset >= byteOffset { break }
      column += DisplayWidth.onScreen(character, atColumn: column, tabWidth: settings.tabWidth)
      offset += character.utf8.count
    }
    return column
  }

  /// The byte offset of the last character boundary of `text` at or before `screenColumn`.
  func byteOffset(inLine text: String, screenColumn goal: Int) -> Int {
    var column = 0
    var offset = 0
    for character in text {
      let width = DisplayWidth.onScreen(character, atColumn: column, tabWidth: settings.tabWidth)
      if column + width > goal { break }
      column += width
      offset += character.utf8.count
    }
    return offset
  }

  mutating func goToLine(_ number: Int) {
    let line = min(max(1, number), lineCount) - 1
    let range = storage.lineRange(line)
    let indent = storage.line(line).utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
    moveHead(to: range.lowerBound + indent, extend: false)
  }

  /// Selects the word (or run of punctuation or whitespace) under the cursor.
  mutating func selectWord() {
    let around = lineAround(selection.head)
    let text = around.text
    guard !text.isEmpty else { return }
    var start = text.utf8.index(text.startIndex, offsetBy: around.inLine)
    // At a word's end (or the line's), the word before the cursor is the one meant.
    if start == text.endIndex
      || (start > text.startIndex && CharacterClass(text[start]) != .word
        && CharacterClass(text[text.index(before: start)]) == .word)
    {
      start = text.index(before: start)
    }
    let runClass = CharacterClass(text[start])
    var end = start
    while end < text.endIndex && CharacterClass(text[end]) == runClass { end = text.index(after: end) }
    while start > text.startIndex && CharacterClass(text[text.index(before: start)]) == runClass {
      start = text.index(before: start)
    }
    let lower = around.start + text.utf8.distance(from: text.startIndex, to: start)
    let upper = around.start + text.utf8.distance(from: text.startIndex, to: end)
    select(Selection(anchor: lower, head: upper))
  }

  /// Selects the lines the selection touches, newline included; repeated, it grows a line down.
  mutating func selectLines() {
    let range = selection.range
    let first = storage.line(containing: range.lowerBound)
    let last = storage.line(containing: range.upperBound)
    select(Selection(anchor: storage.lineStart(first), head: storage.lineStart(last + 1)))
  }
}
