/// The names and tags of every snippet in the list, folded for `FuzzyScorer` into one flat array,
/// so a keystroke over 100,000 snippets walks contiguous integers and allocates nothing per line.
struct FuzzyIndex {
  private var storage: [UInt32] = []
  /// Where each entry's name and tags start and end in `storage`: name start, tags start, end.
  private var bounds: [Int32] = [0]

  init() {}

  init(_ entries: [CatalogEntry]) {
    storage.reserveCapacity(entries.count * 24)
    bounds.reserveCapacity(entries.count * 2 + 1)
    for entry in entries {
      FuzzyScorer.fold(entry.name, into: &storage)
      bounds.append(Int32(storage.count))
      for (number, tag) in entry.tags.enumerated() {
        if number > 0 { storage.append(0x20) }
        FuzzyScorer.fold(tag, into: &storage)
      }
      bounds.append(Int32(storage.count))
    }
  }

  var count: Int { bounds.count / 2 }

  /// How well every word of `words` (folded, lowercase, none empty) matches entry `index`'s name or
  /// tags, added up; nil when a word matches neither. A tag match counts a little less than a name
  /// match, so `sort` ranks a snippet named sort above one tagged sort.
  func score(_ words: [[UInt32]], entry index: Int) -> Int? {
    storage.withUnsafeBufferPointer { all in
      let name = UnsafeBufferPointer(rebasing: all[Int(bounds[2 * index])..<Int(bounds[2 * index + 1])])
      let tags = UnsafeBufferPointer(rebasing: all[Int(bounds[2 * index + 1])..<Int(bounds[2 * index + 2])])
      var total = 0
      for word in words {
        let best = word.withUnsafeBufferPointer { word -> Int? in
          let inName = FuzzyScorer.score(word, in: name)
          let inTags = FuzzyScorer.score(word, in: tags).map { $0 - 4 }
          switch (inName, inTags) {
          case (nil, nil): return nil
          case (let a?, nil): return a
          case (nil, let b?): return b
          case (let a?, let b?): return max(a, b)
          }
        }
        guard let best else { return nil }
        total += best
      }
      return total
    }
  }

  /// The characters to highlight in entry `index`'s name and in its tags (joined by spaces).
  func positions(_ words: [[UInt32]], entry index: Int) -> (name: Set<Int>, tags: Set<Int>) {
    storage.withUnsafeBufferPointer { all in
      let name = UnsafeBufferPointer(rebasing: all[Int(bounds[2 * index])..<Int(bounds[2 * index + 1])])
      let tags = UnsafeBufferPointer(rebasing: all[Int(bounds[2 * index + 1])..<Int(bounds[2 * index + 2])])
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
