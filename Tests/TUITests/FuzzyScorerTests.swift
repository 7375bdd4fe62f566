import Testing

@testable import TUI

@Suite("Fuzzy scorer: subsequence matches, ranked, with their positions")
struct FuzzyScorerTests {
  func score(_ query: String, _ text: String) -> Int? { FuzzyScorer.match(query, in: text)?.score }

  @Test("the query's characters must all appear, in order; case is ignored")
  func subsequence() {
    #expect(FuzzyScorer.match("fib", in: "Fibonacci")?.positions == [0, 1, 2])
    #expect(FuzzyScorer.match("FIB", in: "fibonacci") != nil)
    #expect(FuzzyScorer.match("fbn", in: "fibonacci")?.positions == [0, 2, 4])
    #expect(FuzzyScorer.match("bif", in: "fibonacci") == nil)
    #expect(FuzzyScorer.match("fibonaccis", in: "fibonacci") == nil)
    #expect(FuzzyScorer.match("x", in: "") == nil)
    #expect(FuzzyScorer.match("", in: "anything") == FuzzyScorer.Match(score: 0, positions: []))
  }

  @Test("a prefix beats a word start beats the middle of a word beats scattered letters")
  func ranking() throws {
    let prefix = try #require(score("sort", "sort list"))
    let wordStart = try #require(score("sort", "quick sort"))
    let inside = try #require(score("sort", "resorting"))
    let scattered = try #require(score("sort", "s_o_r_t"))
    #expect(prefix > wordStart)
    #expect(wordStart > inside)
    #expect(inside > scattered)
  }

  @Test("the best place is found, not the first: the run at a word start wins")
  func bestPlace() {
    // A greedy match from the first f would take f·i·b scattered; the word "fib" is better.
    #expect(FuzzyScorer.match("fib", in: "four_five_fib")?.positions == [10, 11, 12])
    #expect(FuzzyScorer.match("qs", in: "quickSort")?.positions == [0, 5])
  }

  @Test("camelCase humps and separators are word starts")
  func wordStarts() throws {
    let hump = try #require(score("s", "quickSort"))
    let middle = try #require(score("s", "quicksort"))
    #expect(hump > middle)
    #expect(try #require(score("p", "read-parse")) > middle)
  }

  @Test(
    "one character: the one-pass path scores as the general one (greedy from every place), and so do the masks"
  )
  func oneCharacterPath() {
    var random = SeededRandom(99)
    func next(_ bound: Int) -> Int { random.next(bound) }
    let alphabet = Array("aaab_-Ab é日1")
    for _ in 0..<500 {
      let text = FuzzyScorer.fold(String((0..<(1 + next(40))).map { _ in alphabet[next(alphabet.count)] }))
      for character in FuzzyScorer.fold("abé日1") {
        let query = [character]
        var unused: [Int] = []
        // The general path: a greedy match from every place the character is at.
        let general = text.withUnsafeBufferPointer { text in
          query.withUnsafeBufferPointer { query in
            text.indices.filter { text[$0] & ~FuzzyScorer.upperBit == character }.compactMap {
              FuzzyScorer.greedyScore(query, in: text, from: $0, recording: false, positions: &unused)
            }.max()
          }
        }
        let fast = text.withUnsafeBufferPointer { text in
          query.withUnsafeBufferPointer { query in FuzzyScorer.score(query, in: text) }
        }
        #expect(fast == general)
        if FuzzyIndex.hasOwnBit(character) {
          let places = text.withUnsafeBufferPointer { CharacterPlaces($0) }
          #expect(places.score(FuzzyIndex.bit(character)) == general, "the masks of \(text)")
        }
      }
    }
  }

  @Test("positions count characters, not bytes, in non-ASCII text")
  func unicode() {
    #expect(FuzzyScorer.match("té", in: "Crème brûlée thé")?.positions == [13, 15])
    #expect(FuzzyScorer.match("日本", in: "にほん 日本語")?.positions == [4, 5])
    #expect(FuzzyScorer.match("É", in: "école") != nil)
  }

  @Test("the index scores every word against the name or the tags, a name match above a tag match")
  func index() throws {
    let entries = [
      CatalogEntry(
        id: 1, name: "sort", tags: ["misc"], pinned: false, updatedAt: .init(timeIntervalSince1970: 0),
        runCount: 0, lastRunStatus: nil, lastRunAt: nil),
      CatalogEntry(
        id: 2, name: "misc", tags: ["sort"], pinned: false, updatedAt: .init(timeIntervalSince1970: 0),
        runCount: 0, lastRunStatus: nil, lastRunAt: nil),
    ]
    let index = FuzzyIndex(entries)
    let words = FuzzyIndex.words(of: "sort")
    let named = try #require(index.score(words, entry: 0))
    let tagged = try #require(index.score(words, entry: 1))
    #expect(named > tagged)
    #expect(index.score(FuzzyIndex.words(of: "sort misc"), entry: 1) != nil)
    #expect(index.score(FuzzyIndex.words(of: "sort zzz"), entry: 0) == nil)
    #expect(index.positions(words, entry: 1).tags == [0, 1, 2, 3])
    #expect(index.positions(FuzzyIndex.words(of: "so mi"), entry: 0) == (name: [0, 1], tags: [0, 1]))
  }
}

@Suite("The index's one pass: the same matches as scoring each name and tags alone")
struct FuzzyIndexPassTests {
  /// The naive model: every word must match the name or the tags (a tag 4 less), scores added.
  static func naive(_ filter: String, _ entry: CatalogEntry) -> Int? {
    var total = 0
    for word in filter.split(separator: " ") {
      let inName = FuzzyScorer.match(String(word), in: entry.name)?.score
      let inTags = FuzzyScorer.match(String(word), in: entry.tags.joined(separator: " ")).map { $0.score - 4 }
      guard let best = [inName, inTags].compactMap({ $0 }).max() else { return nil }
      total += best
    }
    return total
  }

  @Test("random names, tags and filters (ASCII, capitals, accents, CJK); the masks drop no match")
  func onePassAgreesWithTheModel() {
    var random = SeededRandom(0x5EED)
    func next(_ bound: Int) -> Int { random.next(bound) }
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789_-ABCQÉéü日本")
    func text(_ length: Int) -> String { String((0..<length).map { _ in alphabet[next(alphabet.count)] }) }
    let entries = (0..<400).map { id in
      CatalogEntry(
        id: Int64(id), name: text(1 + next(12)), tags: (0..<next(3)).map { _ in text(1 + next(6)) },
        pinned: false, updatedAt: .init(timeIntervalSince1970: 0), runCount: 0, lastRunStatus: nil,
        lastRunAt: nil)
    }
    let index = FuzzyIndex(entries)
    for _ in 0..<60 {
      let filter = (0..<(1 + next(2))).map { _ in text(1 + next(3)).lowercased() }.joined(separator: " ")
      let words = FuzzyIndex.words(of: filter)
      let (matches, scores) = index.scores(words, of: nil)
      let expected = entries.indices.compactMap { i in
        Self.naive(filter, entries[i]).map { (Int32(i), Int32($0)) }
      }
      #expect(matches == expected.map(\.0), "filter \(filter)")
      #expect(scores == expected.map(\.1), "filter \(filter)")
      // Narrowing: scoring only some entries gives the same answer for those.
      let some = stride(from: Int32(0), to: 400, by: 3).map { $0 }
      #expect(index.scores(words, of: some).matches == matches.filter { $0 % 3 == 0 })
    }
  }
}

@Suite("The filter's ranking: best score first, the list's order among equals")
struct FilterRankTests {
  @Test func countingSortMatchesAComparisonSort() {
    var seed: UInt64 = 7
    for _ in 0..<50 {
      let candidates = (0..<Int32(200)).filter { _ in
        seed = seed &* 6_364_136_223_846_793_005 &+ 1
        return seed >> 63 == 0
      }
      let scores = candidates.map { entry in Int32((Int(entry) * 37 % 23) - 5) }
      let ranked = SnippetBrowser.rank(candidates, by: scores)
      let expected = zip(candidates, scores).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      #expect(ranked.map(\.entry) == expected.map(\.0))
      #expect(ranked.map(\.score) == expected.map(\.1))
    }
    #expect(SnippetBrowser.rank([], by: []).isEmpty)
  }
}
