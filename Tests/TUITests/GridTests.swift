import Testing

@testable import TUI

@Suite struct GridTests {
  @Test func putClipsAtTheRightEdge() {
    var grid = Grid(width: 5, height: 1)
    let end = grid.put("abcdefg", x: 1, y: 0, style: .plain)
    #expect(grid.text == " abcd")
    #expect(end == 5)
  }

  @Test func wideCharactersTakeTwoCells() {
    var grid = Grid(width: 6, height: 1)
    grid.put("日本x", x: 0, y: 0, style: .plain)
    #expect(grid[0, 0].text == "日")
    #expect(grid[0, 0].width == 2)
    #expect(grid[1, 0].width == 0)
    #expect(grid[2, 0].text == "本")
    #expect(grid[4, 0].text == "x")
  }

  @Test func wideCharacterThatWouldStraddleTheEdgeBecomesABlank() {
    var grid = Grid(width: 5, height: 1)
    grid.put("abcd日", x: 0, y: 0, style: .plain, maxX: 5)
    #expect(grid[4, 0].text == " ")
    #expect(grid[4, 0].width == 1)
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = Grid(width: 4, height: 1)
    grid.put("日", x: 0, y: 0, style: .plain)
    grid.put("x", x: 1, y: 0, style: .plain)
    #expect(grid[0, 0].text == " ")
    #expect(grid[1, 0].text == "x")
  }

  @Test func emojiSequencesAreOneCell() {
    var grid = Grid(width: 6, height: 1)
    grid.put("👩‍💻e\u{301}", x: 0, y: 0, style: .plain)
    #expect(grid[0, 0].text == "👩‍💻")
    #expect(grid[2, 0].text == "e\u{301}")
  }

  @Test func aMeasuredClusterTakesTheWidthItComesWith() {
    var grid = Grid(width: 4, height: 1)
    let fitted = grid.put("日", width: 2, x: 0, y: 0, style: .plain, maxX: 4, runStart: 0)
    #expect(fitted)
    #expect(grid[0, 0].text == "日" && grid[0, 0].width == 2 && grid[1, 0].width == 0)
    // A zero-width cluster joins the wide character before it, across its continuation cell.
    grid.put("\u{301}", width: 0, x: 2, y: 0, style: .plain, maxX: 4, runStart: 0)
    #expect(grid[0, 0].text == "日\u{301}")
    // A wide one that would straddle the edge leaves a blank and reports that it did not fit.
    let straddled = grid.put("本", width: 2, x: 3, y: 0, style: .plain, maxX: 4, runStart: 0)
    #expect(!straddled)
    #expect(grid[3, 0].text == " " && grid[3, 0].width == 1)
  }

  @Test func aZeroWidthClusterDoesNotJoinACellOfAnotherRun() {
    var grid = Grid(width: 4, height: 1)
    grid.put("a", width: 1, x: 0, y: 0, style: .plain, maxX: 4, runStart: 0)
    grid.put("\u{301}", width: 0, x: 1, y: 0, style: .plain, maxX: 4, runStart: 1)
    #expect(grid[0, 0].text == "a")
  }

  @Test func writingOutsideTheGridIsIgnored() {
    var grid = Grid(width: 3, height: 1)
    grid.put("abc", x: -2, y: 0, style: .plain)
    grid.put("zzz", x: 0, y: 5, style: .plain)
    #expect(grid.text == "c")
  }
}

@Suite struct WordWrapTests {
  @Test func wrapsAtSpaces() {
    #expect(WordWrap.lines("one two three", width: 7) == ["one two", "three"])
  }

  @Test func breaksWordsLongerThanTheLine() {
    #expect(WordWrap.lines("abcdefgh", width: 3) == ["abc", "def", "gh"])
  }

  @Test func countsWideCharactersAsTwoColumns() {
    #expect(WordWrap.lines("日本語 ok", width: 5) == ["日本", "語 ok"])
  }

  @Test func keepsParagraphs() {
    #expect(WordWrap.lines("a\nb", width: 10) == ["a", "b"])
  }
}

@Suite struct GraphemeTests {
  @Test(arguments: [
    "", " ", "x", "é", "日", "e\u{301}", "🎉", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", String(repeating: "a\u{301}", count: 9),
  ])
  func keepsEveryClusterExactly(_ text: String) {
    #expect(Grapheme(text).string == text)
    #expect(Grapheme(text) == Grapheme(text))
  }

  @Test func longClustersAreInternedOnce() {
    let family = "👨‍👩‍👧‍👦"
    #expect(family.utf8.count > 15)
    #expect(Grapheme(family) == Grapheme(String(family)))
    #expect(Grapheme(family) != Grapheme("👩‍💻"))
  }

  @Test func asciiShortcutMatchesTheGeneralPath() {
    #expect(Grapheme(ascii: 0x41) == Grapheme("A"))
  }
}
