/// Where the characters of one folded text are, as masks (`FuzzyIndex.bit`): anywhere, at its
/// start, at a word start. A filter of one letter or digit (its own bit) is then scored with a few
/// ANDs instead of a scan: a lone character's score is only its best place and the text's length
/// (`FuzzyScorer`), and the first keystroke of a filter scores every snippet. Pure.
struct CharacterPlaces {
  private(set) var anywhere: UInt64 = 0
  private var atStart: UInt64 = 0
  private var atWordStart: UInt64 = 0
  /// What the text's length takes off every match in it.
  private var lengthPenalty: Int32 = 0

  init(_ text: UnsafeBufferPointer<UInt32>) {
    guard !text.isEmpty else { return }
    for index in text.indices {
      let bit = FuzzyIndex.bit(text[index])
      anywhere |= bit
      if index == 0 {
        atStart |= bit
      } else if FuzzyScorer.isWordStart(text, index) {
        atWordStart |= bit
      }
    }
    lengthPenalty = Int32(FuzzyScorer.lengthPenalty(text.count, query: 1))
  }

  /// The score `FuzzyScorer` gives the one character whose bit this is (one character has it
  /// alone: a letter or a digit), or nil when the text does not hold it.
  @inline(__always)
  func score(_ bit: UInt64) -> Int? {
    guard anywhere & bit != 0 else { return nil }
    let place =
      atStart & bit != 0 ? FuzzyScorer.atStart : atWordStart & bit != 0 ? FuzzyScorer.atWordStart : 0
    return FuzzyScorer.matchedCharacter + place - Int(lengthPenalty)
  }
}
