/// The palette's filter: whether the letters typed appear in order in a candidate (`svas` finds
/// `save-as`), and how well. Pure, so the order is unit-tested.
enum FuzzyMatch {
  /// A score for `query` in `candidate` (higher is better), nil when it does not match. Letters
  /// that start a word, or follow the previous match, count more; case is ignored.
  static func score(_ query: String, in candidate: String) -> Int? {
    let needle = Array(query.lowercased().filter { $0 != " " })
    guard !needle.isEmpty else { return 0 }
    let haystack = Array(candidate.lowercased())
    var score = 0
    var position = 0
    var previous = -2
    for letter in needle {
      guard let found = haystack[position...].firstIndex(of: letter) else { return nil }
      let startsWord = found == 0 || !(haystack[found - 1].isLetter || haystack[found - 1].isNumber)
      score += 1
      if found == previous + 1 { score += 5 }
      if startsWord { score += 3 }
      previous = found
      position = found + 1
    }
    // Of two that match alike, the shorter is the likelier.
    return score * 100 - haystack.count
  }

  static func filter<T>(_ candidates: [T], by query: String, text: (T) -> String) -> [T] {
    filter(candidates, by: query, texts: { [text($0)] })
  }

  /// The candidates `query` matches, best first; ties keep the given order. A candidate has
  /// several texts, by rank: a match in an earlier one (a command's name) beats any in a later one
  /// (its title).
  static func filter<T>(_ candidates: [T], by query: String, texts: (T) -> [String]) -> [T] {
    let scored = candidates.enumerated().compactMap { item -> (Int, Int, T)? in
      let texts = texts(item.element)
      for (rank, text) in texts.enumerated() {
        if let found = score(query, in: text) {
          return (item.offset, found + (texts.count - rank) * 1_000_000, item.element)
        }
      }
      return nil
    }
    return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.2)
  }
}
