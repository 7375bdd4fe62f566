import Editor
import FoundationEssentials

/// The prompt on the editor's bottom row — incremental find, replace, go to line, save-as — and
/// saving itself.
extension EditorPane {
  mutating func openPrompt(_ purpose: EditorPrompt.Purpose) {
    var opened = EditorPrompt(purpose: purpose, origin: state.selection)
    if let last = lastSearch {
      opened.caseSensitive = last.caseSensitive
      opened.wholeWord = last.wholeWord
      opened.isRegex = last.isRegex
    }
    let selected = state.selectedText
    if opened.isSearch && !selected.isEmpty && !selected.contains("\n") {
      opened.input = selected
    }
    if purpose == .saveAs { opened.input = fileName }
    opened.inputIsSuggestion = !opened.input.isEmpty
    prompt = opened
    if opened.isSearch && !opened.input.isEmpty { findIncrementally() }
  }

  mutating func handlePromptKey(_ key: Key) {
    guard var current = prompt else { return }
    switch key {
    case .escape:
      if current.isSearch { state.select(current.origin) }
      prompt = nil
    case .enter:
      accept(current)
    case .function(3), .ctrl("n"), .down:
      step(.forward)
    case .modified(.function(3), .shift), .ctrl("p"), .up:
      step(.backward)
    case .ctrl("a"):
      if case .replaceWith(let query) = current.purpose { replaceAll(query, with: current.input) }
    default:
      if current.edit(with: key) {
        prompt = current
        if current.isSearch { findIncrementally() }
      }
    }
  }

  /// Searches from where the prompt opened as the query changes.
  mutating func findIncrementally() {
    guard var current = prompt else { return }
    let query = current.query
    lastSearch = query
    if query.pattern.isEmpty {
      state.select(current.origin)
      current.status = ""
    } else {
      current.status = search(query, from: current.origin.range.lowerBound, direction: .forward)
      if current.status == "no matches" { state.select(current.origin) }
    }
    prompt = current
  }

  /// Runs a search, returning what the prompt should say about it.
  mutating func search(
    _ query: SearchQuery, from offset: Int? = nil, direction: EditorState.SearchDirection
  ) -> String {
    do {
      guard let found = try state.find(query, from: offset, direction: direction) else { return "no matches" }
      return "\(found.index + 1) of \(found.count)"
    } catch {
      return error.description
    }
  }

  mutating func step(_ direction: EditorState.SearchDirection) {
    guard var current = prompt else { return }
    switch current.purpose {
    case .find, .replaceFind: current.status = search(current.query, direction: direction)
    case .replaceWith(let query): current.status = search(query, direction: direction)
    case .goToLine, .saveAs: return
    }
    prompt = current
  }

  mutating func accept(_ current: EditorPrompt) {
    switch current.purpose {
    case .find:
      prompt = nil
    case .replaceFind:
      guard !current.input.isEmpty else { return prompt = nil }
      var with = EditorPrompt(purpose: .replaceWith(current.query), origin: state.selection)
      with.status = current.status
      prompt = with
    case .replaceWith(let query):
      var next = current
      do {
        let found = try state.replaceNext(query, with: current.input, at: clock())
        next.status = found.map { "\($0.index + 1) of \($0.count) left" } ?? "no more matches"
      } catch {
        next.status = error.description
      }
      prompt = next
    case .saveAs:
      prompt = nil
      guard !current.input.isEmpty else { return }
      document = DocumentFile(path: current.input)
      save()
    case .goToLine:
      prompt = nil
      let parts = current.input.split(separator: ":").compactMap { Int($0) }
      guard let line = parts.first else { return }
      state.apply(.goToLine(line))
      if parts.count > 1 {
        state.select(.cursor(state.offset(of: Position(line: line - 1, column: max(0, parts[1] - 1)))))
      }
    }
  }

  /// Ctrl-S: saves atomically to the document's file, or asks for a name first.
  mutating func save() {
    guard let document else { return openPrompt(.saveAs) }
    do {
      try document.save(state.text)
      savedVersion = state.version
      fileName = DocumentFile.fileName(of: document.path)
      message = "saved \(document.path) (\(state.lineCount) lines)"
    } catch {
      message = error.description
    }
  }

  mutating func replaceAll(_ query: SearchQuery, with replacement: String) {
    prompt = nil
    do {
      let count = try state.replaceAll(query, with: replacement, at: clock())
      message = count == 1 ? "replaced 1 match" : "replaced \(count) matches"
    } catch {
      message = error.description
    }
  }

  mutating func findAgain(_ direction: EditorState.SearchDirection) {
    guard let query = lastSearch, !query.pattern.isEmpty else {
      message = "nothing to find yet: Ctrl-F"
      return
    }
    message = search(query, direction: direction)
  }

  /// The query whose matches are drawn: the open search prompt's.
  var drawnQuery: SearchQuery? {
    switch prompt?.purpose {
    case .find?, .replaceFind?: return prompt?.query
    case .replaceWith(let query)?: return query
    default: return nil
    }
  }
}
