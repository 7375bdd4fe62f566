/// Fuzzy matching of a typed filter against a name or a list of tags: the filter's characters must
/// appear in order (case ignored), not necessarily together. Pure.
///
/// Text is folded once into `FoldedText` (one value per character: its lowercase scalar, with the
/// top bit set for an uppercase letter so camelCase word starts are still seen), so a keystroke
/// over many snippets compares integers, never graphemes. Positions are character indices.
enum FuzzyScorer {
  /// A match: the higher `score`, the better; `positions` are the matched characters, increasing.
  struct Match: Equatable {
    var score: Int
    var positions: [Int]
  }

  static let upperBit: UInt32 = 0x8000_0000

  /// One character as the scorer compares it.
  @inline(__always)
  static func fold(_ character: Character) -> UInt32 {
    if let ascii = character.asciiValue {
      if ascii >= 0x41 && ascii <= 0x5A { return UInt32(ascii | 0x20) | upperBit }
      return UInt32(ascii)
    }
    let lower = character.lowercased().unicodeScalars.first?.value ?? 0
    return character.isUppercase ? lower | upperBit : lower
  }

  /// `text` folded, appended to `output` (for an index that keeps many texts in one array).
  static func fold(_ text: String, into output: inout [UInt32]) {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: a byte is a character (CR LF aside, which no name holds).
      for byte in text.utf8 {
        output.append(byte >= 0x41 && byte <= 0x5A ? UInt32(byte | 0x20) | upperBit : UInt32(byte))
      }
    } else {
      for character in text { output.append(fold(character)) }
    }
  }

  static func fold(_ text: String) -> [UInt32] {
    var output: [UInt32] = []
    fold(text, into: &output)
    return output
  }

  /// The best match of `query` in `text`, or nil when its characters do not all appear in order.
  static func match(_ query: String, in text: String) -> Match? {
    let folded = fold(query).map { $0 & ~upperBit }
    return fold(text).withUnsafeBufferPointer { text in
      folded.withUnsafeBufferPointer { query in match(query, in: text) }
    }
  }

  // Scores, tuned so a prefix beats a word start beats a run inside a word beats scattered letters.
  static let matchedCharacter = 16
  static let consecutive = 12
  static let atStart = 14
  static let atWordStart = 10
  static let gapOpen = 3
  static let gapExtend = 1

  /// The best match of a folded, lowercase `query` in folded `text`, with its positions.
  static func match(_ query: UnsafeBufferPointer<UInt32>, in text: UnsafeBufferPointer<UInt32>) -> Match? {
    guard !query.isEmpty else { return Match(score: 0, positions: []) }
    guard let (score, start) = best(query, in: text) else { return nil }
    var positions: [Int] = []
    positions.reserveCapacity(query.count)
    _ = greedyScore(query, in: text, from: start, recording: true, positions: &positions)
    return Match(score: score, positions: positions)
  }

  /// Only the score of the best match: what filtering many texts needs, with nothing allocated.
  static func score(_ query: UnsafeBufferPointer<UInt32>, in text: UnsafeBufferPointer<UInt32>) -> Int? {
    guard !query.isEmpty else { return 0 }
    return best(query, in: text)?.score
  }

  /// Every place the query's first character occurs (up to a bound) is tried as the start of a
  /// greedy match; the best score wins.
  private static func best(_ query: UnsafeBufferPointer<UInt32>, in text: UnsafeBufferPointer<UInt32>)
    -> (score: Int, start: Int)?
  {
    if query.count == 1 { return bestOfOne(query[0], in: text) }
    guard query.count <= text.count else { return nil }
    // No separate subsequence test: the greedy match from the first place fails exactly when the
    // query is not a subsequence at all (a later start can only do worse).
    var best: (score: Int, start: Int)?
    var tried = 0
    var start = 0
    var unused: [Int] = []
    while start <= text.count - query.count && tried < 16 {
      if text[start] & ~upperBit == query[0] {
        tried += 1
        guard let score = greedyScore(query, in: text, from: start, recording: false, positions: &unused)
        else { break }
        if best == nil || score > best!.score { best = (score, start) }
      }
      start += 1
    }
    return best
  }

  /// `best` for a query of one character, in one pass over every place it is at (the general path
  /// tries the first 16): a lone character's score is only its best place (the start, a word
  /// start, elsewhere) and the text's length, so `CharacterPlaces` can read it from masks.
  private static func bestOfOne(_ character: UInt32, in text: UnsafeBufferPointer<UInt32>)
    -> (score: Int, start: Int)?
  {
    var best: (score: Int, start: Int)?
    let length = lengthPenalty(text.count, query: 1)
    for index in text.indices where text[index] & ~upperBit == character {
      let place = index == 0 ? atStart : isWordStart(text, index) ? atWordStart : 0
      let score = matchedCharacter + place - length
      if best == nil || score > best!.score { best = (score, index) }
      if place == atStart { break }
    }
    return best
  }

  /// Matches each query character at its first place from `start` on (a character that continues
  /// a run is taken at once); nil when the text runs out. Appends to `positions` when `recording`.
  static func greedyScore(
    _ query: UnsafeBufferPointer<UInt32>, in text: UnsafeBufferPointer<UInt32>, from start: Int,
    recording: Bool, positions: inout [Int]
  ) -> Int? {
    var score = 0
    var index = start
    var previous = -2
    for q in query {
      while index < text.count && text[index] & ~upperBit != q { index += 1 }
      guard index < text.count else { return nil }
      score += matchedCharacter
      if index == previous + 1 {
        score += consecutive
      } else if previous >= 0 {
        score -= gapOpen + gapExtend * min(index - previous - 1, 8)
      }
      if index == 0 {
        score += atStart
      } else if isWordStart(text, index) {
        score += atWordStart
      }
      if recording { positions.append(index) }
      previous = index
      index += 1
    }
    return score - lengthPenalty(text.count, query: query.count)
  }

  /// Of two equal matches, the shorter text is the closer one.
  @inline(__always)
  static func lengthPenalty(_ length: Int, query: Int) -> Int { min(length - query, 16) / 4 }

  /// After a separator, or an uppercase letter after a lowercase one (camelCase).
  @inline(__always)
  static func isWordStart(_ text: UnsafeBufferPointer<UInt32>, _ index: Int) -> Bool {
    let before = text[index - 1] & ~upperBit
    let isSeparator =
      before < 0x80 && !(before >= 0x61 && before <= 0x7A) && !(before >= 0x30 && before <= 0x39)
    if isSeparator { return true }
    let upperNow = text[index] & upperBit != 0
    let upperBefore = text[index - 1] & upperBit != 0
    return upperNow && !upperBefore
  }
}
