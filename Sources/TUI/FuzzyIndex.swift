/// The names and tags of every snippet in the list, folded for `FuzzyScorer` into one flat array,
/// so a keystroke over 100,000 snippets walks contiguous integers and allocates nothing per line.
/// Each entry also has the places of the characters of its name and of its tags, as masks
/// (`CharacterPlaces`): an entry lacking one of a filter's characters cannot match, and is passed
/// over with one AND instead of being scored; and a filter of one letter or digit (the first key)
/// is scored from the masks alone.
struct FuzzyIndex {
  private var storage: [UInt32] = []
  /// Where each entry's name and tags start and end in `storage`: name start, tags start, end.
  private var bounds: [Int32] = [0]
  private var namePlaces: [CharacterPlaces] = []
  private var tagPlaces: [CharacterPlaces] = []

  init() {}

  init(_ entries: [CatalogEntry]) {
    storage.reserveCapacity(entries.count * 24)
    bounds.reserveCapacity(entries.count * 2 + 1)
    namePlaces.reserveCapacity(entries.count)
    tagPlaces.reserveCapacity(entries.count)
    for entry in entries {
      FuzzyScorer.fold(entry.name, into: &storage)
      bounds.append(Int32(storage.count))
      for (number, tag) in entry.tags.enumerated() {
        if number > 0 { storage.append(0x20) }
        FuzzyScorer.fold(tag, into: &storage)
      }
      bounds.append(Int32(storage.count))
    }
    storage.withUnsafeBufferPointer { all in
      for entry in entries.indices {
        namePlaces.append(CharacterPlaces(name(Int32(entry), in: all)))
        tagPlaces.append(CharacterPlaces(tags(Int32(entry), in: all)))
      }
    }
  }

  var count: Int { bounds.count / 2 }

  /// The character's bit in a mask: letters and digits have one each, and the rest share the
  /// others (two characters on one bit only make the test let more through, never less).
  @inline(__always)
  static func bit(_ folded: UInt32) -> UInt64 {
    let value = folded & ~FuzzyScorer.upperBit
    switch value {
    case 0x61...0x7A: return 1 << UInt64(value - 0x61)
    case 0x30...0x39: return 1 << UInt64(value - 0x30 + 26)
    default: return 1 << UInt64(36 + value % 28)
    }
  }

  /// Whether the character has its bit to itself: a letter or a digit.
  static func hasOwnBit(_ folded: UInt32) -> Bool {
    switch folded & ~FuzzyScorer.upperBit {
    case 0x61...0x7A, 0x30...0x39: true
    default: false
    }
  }

  /// The mask of every character of `words`: what an entry must hold to be scored at all.
  static func mask(of words: [[UInt32]]) -> UInt64 {
    words.reduce(0) { mask, word in word.reduce(mask) { $0 | bit($1) } }
  }

  /// Scores `words` against each entry of `entries` (indices, in order), or every entry when nil;
  /// returns those that match, in the same order, with their scores. One pass over flat buffers,
  /// nothing allocated but the result.
  func scores(_ words: [[UInt32]], of entries: [Int32]?) -> (matches: [Int32], scores: [Int32]) {
    var matches: [Int32] = []
    var scores: [Int32] = []
    let needed = Self.mask(of: words)
    func keep(_ entry: Int32, _ score: Int) {
      matches.append(entry)
      scores.append(Int32(clamping: score))
    }
    if words.count == 1, words[0].count == 1, Self.hasOwnBit(words[0][0]) {
      // One letter or digit: read from the masks.
      let bit = needed
      namePlaces.withUnsafeBufferPointer { names in
        tagPlaces.withUnsafeBufferPointer { tags in
          each(entries) { entry in
            let e = Int(entry)
            guard (names[e].anywhere | tags[e].anywhere) & bit != 0 else { return }
            keep(entry, max(names[e].score(bit) ?? Int.min, tags[e].score(bit).map { $0 - 4 } ?? Int.min))
          }
        }
      }
      return (matches, scores)
    }
    // The words side by side in one buffer, each a slice of it.
    let flat = words.flatMap { $0 }
    var start = 0
    let ranges = words.map { word in
      defer { start += word.count }
      return start..<(start + word.count)
    }
    flat.withUnsafeBufferPointer { flat in
      let buffers = ranges.map { UnsafeBufferPointer(rebasing: flat[$0]) }
      storage.withUnsafeBufferPointer { all in
        namePlaces.withUnsafeBufferPointer { names in
          tagPlaces.withUnsafeBufferPointer { tags in
            each(entries) { entry in
              let e = Int(entry)
              guard (names[e].anywhere | tags[e].anywhere) & needed == needed,
                let score = Self.score(buffers, name: name(entry, in: all), tags: self.tags(entry, in: all))
              else { return }
              keep(entry, score)
            }
          }
        }
      }
    }
    return (matches, scores)
  }

  /// Calls `body` with each of `entries`, or with every entry when nil.
  @inline(__always)
  private func each(_ entries: [Int32]?, _ body: (Int32) -> Void) {
    if let entries {
      for entry in entries { body(entry) }
    } else {
      for entry in 0..<Int32(namePlaces.count) { body(entry) }
    }
  }

  /// How well every word of `words` (folded, lowercase, none empty) matches entry `index`'s name or
  /// tags, added up; nil when a word matches neither. A tag match counts a little less than a name
  /// match, so `sort` ranks a snippet named sort above one tagged sort.
  func score(_ words: [[UInt32]], entry index: Int) -> Int? {
    let (matches, scores) = scores(words, of: [Int32(index)])
    return matches.isEmpty ? nil : Int(scores[0])
  }

  private static func score(
    _ words: [UnsafeBufferPointer<UInt32>], name: UnsafeBufferPointer<UInt32>,
    tags: UnsafeBufferPointer<UInt32>
  ) -> Int? {
    var total = 0
    for word in words {
      switch (FuzzyScorer.score(word, in: name), FuzzyScorer.score(word, in: tags).map { $0 - 4 }) {
      case (nil, nil): return nil
      case (let a?, nil): total += a
      case (nil, let b?): total += b
      case (let a?, let b?): total += max(a, b)
      }
    }
    return total
  }

  @inline(__always)
  private func name(_ entry: Int32, in all: UnsafeBufferPointer<UInt32>) -> UnsafeBufferPointer<UInt32> {
    UnsafeBufferPointer(rebasing: all[Int(bounds[2 * Int(entry)])..<Int(bounds[2 * Int(entry) + 1])])
  }

  @inline(__always)
  private func tags(_ entry: Int32, in all: UnsafeBufferPointer<UInt32>) -> UnsafeBufferPointer<UInt32> {
    UnsafeBufferPointer(rebasing: all[Int(bounds[2 * Int(entry) + 1])..<Int(bounds[2 * Int(entry) + 2])])
  }

  /// The characters to highlight in entry `index`'s name and in its tags (joined by spaces).
  func positions(_ words: [[UInt32]], entry index: Int) -> (name: Set<Int>, tags: Set<Int>) {
    storage.withUnsafeBufferPointer { all in
      let name = name(Int32(index), in: all)
      let tags = tags(Int32(index), in: all)
      var inName: Set<Int> = []
      var inTags: Set<Int> = []
      for word in words {
        word.withUnsafeBufferPointer { word in
          let a = FuzzyScorer.match(word, in: name)
          let b = FuzzyScorer.match(word, in: tags)
          if let a, a.score >= (b.map { $0.score - 4 } ?? Int.min) {
            inName.formUnion(a.positions)
          } else if let b {
            inTags.formUnion(b.positions)
          }
        }
      }
      return (inName, inTags)
    }
  }

  /// The words of a filter, folded for `score`.
  static func words(of filter: String) -> [[UInt32]] {
    filter.split(whereSeparator: \.isWhitespace).map { word in
      FuzzyScorer.fold(String(word)).map { $0 & ~FuzzyScorer.upperBit }
    }
  }
}
