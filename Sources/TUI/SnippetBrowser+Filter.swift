/// The filter as you type: every word must match a snippet's name or tags fuzzily (best first), or
/// its code through the full-text index (after those, in the list's order).
extension SnippetBrowser {
  /// How many code matches the full-text index is asked for per keystroke.
  static let codeMatchLimit = 200

  var isFiltering: Bool { filter.contains { !$0.isWhitespace } }

  /// The rows for the current filter.
  mutating func refilter() {
    guard isFiltering else {
      narrowing = []
      setCodeMatched([])
      setRows(entries.indices.map { Row(entry: $0, score: nil) })
      return
    }
    let words = FuzzyIndex.words(of: filter)
    while let last = narrowing.last, !filter.hasPrefix(last.filter) { narrowing.removeLast() }
    let (candidates, scores) = index.scores(words, of: narrowing.last?.candidates)
    narrowing.append((filter, candidates))
    let ranked = Self.rank(candidates, by: scores)

    var codeIDs: [Int64] = []
    do {
      codeIDs = try catalog.searchCode(filter, limit: Self.codeMatchLimit)
    } catch {
      fail(error)
    }
    let inCode = Set(codeIDs.compactMap { positionOfID[$0] })
    setCodeMatched(inCode)
    var rows = ranked.map { match in
      Row(entry: Int(match.entry), score: Int(match.score))
    }
    // The candidates are in the list's order, so whether a code match is one is a binary search,
    // not a set of every fuzzy match built per keystroke.
    rows += inCode.sorted().filter { !Self.sortedContains(candidates, Int32($0)) }.map {
      Row(entry: $0, score: nil)
    }
    setRows(rows)
  }

  /// The candidates best score first, and in the list's order among equal scores: a counting sort
  /// (scores are small integers), linear where a comparison sort of 100,000 matches is not.
  static func rank(_ candidates: [Int32], by scores: [Int32]) -> [(entry: Int32, score: Int32)] {
    guard let low = scores.min(), let high = scores.max() else { return [] }
    var starts = [Int](repeating: 0, count: Int(high - low) + 2)
    for score in scores { starts[Int(high - score) + 1] += 1 }
    for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
    var ranked = [(entry: Int32, score: Int32)](repeating: (0, 0), count: candidates.count)
    for (entry, score) in zip(candidates, scores) {
      let bucket = Int(high - score)
      ranked[starts[bucket]] = (entry, score)
      starts[bucket] += 1
    }
    return ranked
  }

  static func sortedContains(_ sorted: [Int32], _ value: Int32) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == value
  }

  /// Whether the filter matched the row's code (asked only of the rows drawn).
  func isCodeMatch(_ row: Row) -> Bool { codeMatched.contains(row.entry) }

  /// The characters of a row's name and tags that the filter matched.
  func highlights(of row: Row) -> (name: Set<Int>, tags: Set<Int>) {
    guard isFiltering, row.score != nil else { return ([], []) }
    return index.positions(FuzzyIndex.words(of: filter), entry: row.entry)
  }

  /// Where the words of the filter occur in a line of code: the starts of words that begin with one
  /// of them (as the full-text index matches), as byte ranges of the line.
  func codeMatches(in line: Substring) -> [Range<Int>] {
    guard isFiltering else { return [] }
    let words = filter.split(whereSeparator: \.isWhitespace).map { Array($0.lowercased().utf8) }
      .filter { !$0.isEmpty }
    let bytes = Array(line.utf8)
    var ranges: [Range<Int>] = []
    var offset = 0
    while offset < bytes.count {
      let atWordStart = offset == 0 || !Self.isWordByte(bytes[offset - 1])
      if atWordStart, Self.isWordByte(bytes[offset]) || bytes[offset] >= 0x80 {
        for word in words where Self.hasPrefix(bytes, at: offset, word) {
          ranges.append(offset..<(offset + word.count))
          break
        }
      }
      offset += 1
    }
    return ranges
  }

  /// Letters, digits and non-ASCII, as the index's tokenizer reads words (`_` separates).
  private static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte >= 0x80
  }

  private static func hasPrefix(_ bytes: [UInt8], at offset: Int, _ word: [UInt8]) -> Bool {
    guard offset + word.count <= bytes.count else { return false }
    for (i, byte) in word.enumerated() {
      let b = bytes[offset + i]
      let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
      if lower != byte { return false }
    }
    return true
  }

  /// The first line of the preview: a few lines above the first the filter matched in the code, so
  /// the reason a snippet is listed is on screen.
  func previewStart() -> Int {
    guard isFiltering, let preview, rows.indices.contains(selected), isCodeMatch(rows[selected]) else {
      return 0
    }
    for (number, line) in preview.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !codeMatches(in: line).isEmpty {
      return max(0, number - 2)
    }
    return 0
  }
}
