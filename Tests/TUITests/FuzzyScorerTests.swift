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
