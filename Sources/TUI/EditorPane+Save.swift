import Editor

/// Saving without losing anything: Ctrl-S writes the loaded file unless it changed on disk
/// meanwhile (then it asks: reload, overwrite or cancel); a new buffer, a read-only file or a
/// failed save asks for a name; a name that is taken asks before replacing it.
extension EditorPane {
  /// Ctrl-S.
  mutating func save() {
    guard let document else { return openPrompt(.saveAs) }
    if document.isReadOnly {
      openPrompt(.saveAs)
      prompt?.error = "\(document.path) is read-only: save under another name"
      return
    }
    write(document)
  }

  /// F2 / Alt-S: asks for the name, suggesting the current one.
  mutating func saveAs() { openPrompt(.saveAs) }

  /// Enter on the save-as prompt. Only the file the editor loaded (and may still write) is
  /// written over without a question.
  mutating func save(as path: String) {
    var candidate = DocumentFile(
      path: path, lineEnding: document?.lineEnding ?? .lf, isNew: document?.isNew ?? true)
    if let document, document.path == path, !document.isReadOnly { candidate.stamp = document.stamp }
    write(candidate)
  }

  /// The answer to a one-key question on the prompt row.
  mutating func answer(_ question: EditorPrompt.Purpose, with key: Key) {
    switch (question, key) {
    case (.confirmOverwrite(let path), .character("y")), (.confirmOverwrite(let path), .character("Y")):
      let candidate = DocumentFile(
        path: path, lineEnding: document?.lineEnding ?? .lf, isNew: document?.isNew ?? true)
      write(candidate, replacing: true)
    case (.confirmOverwrite(let path), _):
      openPrompt(.saveAs)
      prompt?.input = path
    case (.changedOnDisk, .character("o")), (.changedOnDisk, .character("O")):
      if let document { write(document, replacing: true) }
    case (.changedOnDisk(let path), .character("r")), (.changedOnDisk(let path), .character("R")):
      reload(path)
    case (.changedOnDisk, .escape), (.changedOnDisk, .character("c")), (.changedOnDisk, .character("C")):
      prompt = nil
      message = "not saved: the file on disk is unchanged, the buffer too"
    default:
      // Any other key leaves the question open: a stray key must not decide it.
      break
    }
  }

  /// Writes the text to `target`; on success it becomes the editor's document. A new file gets a
  /// final newline, in the buffer too, so the two stay the same. Whatever stops the save reopens
  /// the prompt that can resolve it, so the next Ctrl-S never silently retries a doomed path.
  mutating func write(_ target: DocumentFile, replacing: Bool = false) {
    prompt = nil
    if target.isNew && !state.text.isEmpty && !state.text.hasSuffix("\n") {
      let selection = state.selection
      state.select(.cursor(state.storage.byteCount))
      state.apply(.insert("\n"), at: clock())
      state.select(selection)
    }
    var saved = target
    do {
      try saved.save(state.text, replacing: replacing)
    } catch .exists(let path) {
      return prompt = EditorPrompt(purpose: .confirmOverwrite(path: path), origin: state.selection)
    } catch .changedOnDisk(let path) {
      return prompt = EditorPrompt(purpose: .changedOnDisk(path: path), origin: state.selection)
    } catch {
      openPrompt(.saveAs)
      prompt?.input = target.path
      prompt?.inputIsSuggestion = false
      prompt?.error = error.description
      return
    }
    document = saved
    state.markSaved()
    fileName = DocumentFile.fileName(of: saved.path)
    message = "saved \(saved.path) (\(state.lineCount) lines)"
  }

  /// Replaces the buffer with the file as it is on disk now.
  private mutating func reload(_ path: String) {
    prompt = nil
    do {
      try open(path: path)
      message = "reloaded \(path) from disk"
    } catch {
      message = error.description
    }
  }

  /// The pane's title: the file name, marked when it has unsaved changes or cannot be written.
  var title: String {
    var title = fileName
    if isModified { title += " *" }
    if document?.isReadOnly == true { title += " [read-only]" }
    return title
  }
}
