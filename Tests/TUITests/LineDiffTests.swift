import Testing

@testable import TUI

@Suite("Line diff: the shortest edit script, grouped into unified hunks")
struct LineDiffTests {
  func signs(_ old: String, _ new: String) -> [String] {
    LineDiff.compare(old, new).map { line in
      (line.kind == .same ? " " : line.kind == .removed ? "-" : "+") + line.text
    }
  }

  @Test("equal texts have no hunks; every line is the same")
  func equal() {
    #expect(LineDiff.hunks("a\nb\n", "a\nb\n").isEmpty)
    #expect(signs("a\nb\n", "a\nb\n") == [" a", " b"])
    #expect(LineDiff.hunks("", "").isEmpty)
  }

  @Test("a changed line is removed then added; the rest stays")
  func change() {
    #expect(signs("a\nb\nc\n", "a\nB\nc\n") == [" a", "-b", "+B", " c"])
    #expect(signs("a\nc\n", "a\nb\nc\n") == [" a", "+b", " c"])
    #expect(signs("a\nb\nc\n", "a\nc\n") == [" a", "-b", " c"])
    #expect(signs("", "x\n") == ["+x"])
    #expect(signs("x\n", "") == ["-x"])
  }

  @Test("the script is a shortest one: a moved block costs only its lines")
  func shortest() {
    let old = "x\na\nb\nc\ny\n"
    let new = "a\nb\nc\nx\ny\n"
    let lines = LineDiff.compare(old, new)
    #expect(lines.filter { $0.kind != .same }.count == 2)
    #expect(lines.filter { $0.kind != .added }.map(\.text) == ["x", "a", "b", "c", "y"])
    #expect(lines.filter { $0.kind != .removed }.map(\.text) == ["a", "b", "c", "x", "y"])
  }

  @Test("hunks carry three lines of context, numbered as diff -u numbers them, and merge when close")
  func hunks() throws {
    let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
    var newLines = (1...20).map { "line \($0)" }
    newLines[1] = "changed 2"
    newLines[17] = "changed 18"
    let new = newLines.joined(separator: "\n") + "\n"
    let hunks = LineDiff.hunks(old, new)
    #expect(hunks.count == 2)
    #expect(hunks[0].header == "@@ -1,5 +1,5 @@")
    #expect(hunks[1].header == "@@ -15,6 +15,6 @@")
    #expect(hunks[0].lines.map(\.kind) == [.same, .removed, .added, .same, .same, .same])
    newLines[9] = "changed 10"
    #expect(LineDiff.hunks(old, newLines.joined(separator: "\n") + "\n", context: 5).count == 1)
  }

  @Test("random edits: both sides are rebuilt exactly from the script")
  func rebuilds() {
    var random = SeededRandom(42)
    func next(_ n: Int) -> Int { random.next(n) }
    for _ in 0..<200 {
      let a = (0..<next(30)).map { _ in "l\(next(6))" }
      let b = (0..<next(30)).map { _ in "l\(next(6))" }
      let old = a.map { $0 + "\n" }.joined()
      let new = b.map { $0 + "\n" }.joined()
      let lines = LineDiff.compare(old, new)
      #expect(lines.filter { $0.kind != .added }.map(\.text) == a)
      #expect(lines.filter { $0.kind != .removed }.map(\.text) == b)
    }
  }
}
