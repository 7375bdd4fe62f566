import Editor

/// The editor's search: as the find prompt's query changes, again with F3 / ^N / ^P after it
/// closed, and replacing. What is found is selected; the matches on screen are cached per text
/// version (`refreshMatches`, in the view).
extension EditorPane {
  /// Searches from where the prompt opened as the query changes.
  mutating func findIncrementally() {
    guard var current = prompt else { return }
    let query = current.query
    lastSearch = query
    if query.pattern.isEmpty {
      state.select(current.origin)
      current.report(nil)
    } else {
      let outcome = search(query, from: current.origin.range.lowerBound, direction: .forward)
      if case .found = outcome {} else { state.select(current.origin) }
      current.report(outcome)
    }
    prompt = current
  }

  /// Runs a search.
  mutating func search(
    _ query: SearchQuery, from offset: Int? = nil, direction: EditorState.SearchDirection
  ) -> SearchOutcome {
    do {
      guard let found = try state.find(query, from: offset, direction: direction) else { return .noMatches }
      return .found(index: found.index, count: found.count)
    } catch {
      return .failed(error.description)
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
    message = search(query, direction: direction).description
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
/// What a search found, as the prompt and the bottom row say it.
enum SearchOutcome: Equatable, CustomStringConvertible {
  case found(index: Int, count: Int)
  case noMatches
  case failed(String)

  var description: String {
    switch self {
    case .found(let index, let count): return "\(index + 1) of \(count)"
    case .noMatches: return "no matches"
    case .failed(let reason): return reason
    }
  }
}
