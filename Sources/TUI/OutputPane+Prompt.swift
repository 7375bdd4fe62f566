/// Find in output and saving output: the pane's prompt row.
extension OutputPane {
  mutating func handlePromptKey(_ key: Key) -> EventResult {
    guard let current = prompt else { return .ignored }
    if case .confirmOverwrite(let path) = current.purpose {
      if key == .character("y") || key == .character("Y") {
        save(to: path, replacing: true)
      } else {
        prompt = OutputPrompt(purpose: .saveAs, input: path)
      }
      return .handled
    }
    switch keymap.command(for: key, in: .prompt)?.rawValue {
    case "prompt-cancel": prompt = nil
    case "prompt-accept" where current.purpose == .saveAs: save(to: current.input, replacing: false)
    case "prompt-accept", "prompt-next": findNext(forward: true)
    case "prompt-previous": findNext(forward: false)
    default:
      switch key {
      case .backspace:
        prompt?.backspace()
        if current.purpose == .find { findIncrementally() }
      case .character(let character):
        prompt?.type(String(character))
        if current.purpose == .find { findIncrementally() }
      default: break
      }
    }
    return .handled
  }

  // MARK: Find

  /// As the query changes: the first match from the top of the screen down.
  mutating func findIncrementally() {
    match = nil
    guard let query = prompt?.input, !query.isEmpty else {
      prompt?.status = ""
      return
    }
    let start: Int
    if let item = visibleItems().first, case .line(let id) = item { start = id } else { start = 0 }
    find(query, from: start, after: -1, forward: true)
  }

  /// The next (or previous) match after the current one; wraps around the ends.
  mutating func findNext(forward: Bool) {
    guard let query = prompt?.input ?? lastQuery, !query.isEmpty else {
      prompt = OutputPrompt(purpose: .find)
      return
    }
    lastQuery = query
    let from = match?.line ?? (forward ? 0 : Int.max)
    find(query, from: from, after: match?.range.lowerBound ?? (forward ? -1 : Int.max), forward: forward)
  }

  /// Searches line by line, case-insensitively, from line `from` (within it, past character
  /// `after`), wrapping around once.
  private mutating func find(_ query: String, from: Int, after: Int, forward: Bool) {
    lastQuery = query
    let needle = Array(query.lowercased())
    let count = log.lines.count
    guard count > 0 else { return }
    let startIndex = log.index(ofLine: from) ?? (forward ? 0 : count - 1)
    for step in 0...count {
      let index = forward ? (startIndex + step) % count : (startIndex - step + count) % count
      let line = log.lines[index]
      let haystack = Array(line.text.lowercased())
      var hits: [Int] = []
      if haystack.count >= needle.count {
        for offset in 0...(haystack.count - needle.count)
        where haystack[offset..<(offset + needle.count)].elementsEqual(needle) {
          hits.append(offset)
        }
      }
      if step == 0 {
        hits = hits.filter { forward ? $0 > after : $0 < after }
      }
      guard let hit = forward ? hits.first : hits.last else { continue }
      let id = log.id(ofLineAt: index)
      match = (line: id, range: hit..<(hit + needle.count))
      prompt?.status = "line \(id + 1)"
      reveal(line: id)
      return
    }
    prompt?.status = "no matches"
    if prompt == nil { notice = "no matches for \(query)" }
  }

  // MARK: Save

  /// The output as it would be saved: the text shown (raw view: the bytes as printed).
  var savedBytes: [UInt8] {
    var bytes: [UInt8] = []
    for line in log.lines {
      bytes += showsRawCodes ? line.bytes : Array(line.text.utf8)
      if !line.open { bytes.append(0x0A) }
    }
    return bytes
  }

  private mutating func save(to path: String, replacing: Bool) {
    guard !path.isEmpty else {
      prompt?.status = "type a file name"
      return
    }
    do {
      try OutputFile.write(savedBytes, to: path, replacing: replacing)
      prompt = nil
      let dropped = log.droppedLines > 0 ? " (without the \(log.droppedLines) dropped lines)" : ""
      say("saved \(log.lines.count) lines to \(path)\(dropped)")
    } catch .exists {
      prompt = OutputPrompt(purpose: .confirmOverwrite(path: path))
    } catch {
      guard case .failed(let reason) = error else { return }
      prompt = OutputPrompt(purpose: .saveAs, input: path, status: "could not save: \(reason)")
    }
  }
}
