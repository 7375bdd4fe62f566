import Editor
import FoundationEssentials

/// The prompt on the editor's bottom row: incremental find, replace, go to line, and the name
/// to save as (saving itself is EditorPane+Save.swift, searching EditorPane+Search.swift). Its
/// keys come from the keymap's prompt context; what is typed edits the prompt's input.
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
    if purpose == .saveAs { opened.input = document?.path ?? fileName }
    opened.inputIsSuggestion = !opened.input.isEmpty
    prompt = opened
    if opened.isSearch && !opened.input.isEmpty { findIncrementally() }
  }

  mutating func handlePromptKey(_ key: Key) {
    guard var current = prompt else { return }
    if current.isQuestion { return answer(current.purpose, with: key) }
    switch keymap.command(for: key, in: .prompt)?.rawValue {
    case "prompt-cancel":
      if current.isSearch { state.select(current.origin) }
      prompt = nil
    case "prompt-accept":
      accept(current)
    case "prompt-next":
      step(.forward)
    case "prompt-previous":
      step(.backward)
    case "replace-all":
      if case .replaceWith(let query) = current.purpose { replaceAll(query, with: current.input) }
    case let toggle? where ["toggle-case", "toggle-whole-word", "toggle-regex"].contains(toggle):
      guard current.isSearch else { return }
      switch toggle {
      case "toggle-case": current.caseSensitive.toggle()
      case "toggle-whole-word": current.wholeWord.toggle()
      default: current.isRegex.toggle()
      }
      prompt = current
      findIncrementally()
    default:
      if current.edit(with: key) {
        prompt = current
        if current.isSearch { findIncrementally() }
      }
    }
  }

  mutating func step(_ direction: EditorState.SearchDirection) {
    guard var current = prompt else { return }
    switch current.purpose {
    case .find, .replaceFind: current.report(search(current.query, direction: direction))
    case .replaceWith(let query): current.report(search(query, direction: direction))
    case .goToLine, .saveAs, .confirmOverwrite, .changedOnDisk: return
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
      with.error = current.error
      prompt = with
    case .replaceWith(let query):
      var next = current
      do {
        let found = try state.replaceNext(query, with: current.input, at: clock())
        next.status = found.map { "\($0.index + 1) of \($0.count) left" } ?? "no more matches"
        next.error = nil
      } catch {
        next.status = ""
        next.error = error.description
      }
      prompt = next
    case .saveAs:
      guard !current.input.isEmpty else { return prompt = nil }
      save(as: current.input)
    case .confirmOverwrite, .changedOnDisk:
      return
    case .goToLine:
      prompt = nil
      goTo(current.input)
    }
  }

  /// Go to line: `42` or `42:7`; whatever cannot be done is said in full.
  mutating func goTo(_ input: String) {
    guard !input.isEmpty else { return }
    let parts = input.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard (1...2).contains(parts.count), let line = parts[0], parts.allSatisfy({ $0 != nil }) else {
      message = "go to line: \"\(input)\" is not a line number; type 42, or 42:7 for a column"
      return
    }
    guard line >= 1 else { return message = "go to line: lines are numbered from 1" }
    guard line <= state.lineCount else {
      message =
        "go to line: line \(line) is past the end; the file has \(state.lineCount) line"
        + (state.lineCount == 1 ? "" : "s")
      return
    }
    state.apply(.goToLine(line))
    guard parts.count == 2, let column = parts[1] else { return }
    guard column >= 1 else { return message = "go to line: columns are numbered from 1" }
    let length = state.line(line - 1).count
    state.select(.cursor(state.offset(of: Position(line: line - 1, column: min(column - 1, length)))))
    if column - 1 > length {
      message = "go to line: line \(line) has \(length) column\(length == 1 ? "" : "s"); went to its end"
    }
  }
}
