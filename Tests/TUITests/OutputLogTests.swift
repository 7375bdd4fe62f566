import Testing

@testable import TUI

@Suite struct OutputLogTests {
  @Test func chunksJoinIntoLines() {
    var log = OutputLog()
    log.append(Array("hel".utf8), from: .stdout)
    log.append(Array("lo\nwor".utf8), from: .stdout)
    #expect(log.lines.map(\.text) == ["hello", "wor"])
    #expect(log.lines.map(\.open) == [false, true])
  }

  @Test func streamsInterleaveInArrivalOrder() {
    var log = OutputLog()
    log.append(Array("out".utf8), from: .stdout)
    log.append(Array("err\n".utf8), from: .stderr)
    log.append(Array("more\n".utf8), from: .stdout)
    #expect(log.lines.map(\.text) == ["out", "err", "more"])
    #expect(log.lines.map(\.stream) == [.stdout, .stderr, .stdout])
  }

  @Test func multibyteCharacterSplitAcrossChunksSurvives() {
    var log = OutputLog()
    let bytes = Array("日本\n".utf8)
    log.append(Array(bytes[0..<2]), from: .stdout)
    log.append(Array(bytes[2...]), from: .stdout)
    #expect(log.lines.map(\.text) == ["日本"])
  }

  @Test func invalidUTF8ShowsReplacementCharacters() {
    var log = OutputLog()
    log.append([0x61, 0xFF, 0x62, 0x0A], from: .stdout)
    #expect(log.lines[0].text == "a\u{FFFD}b")
  }

  @Test func carriageReturnStartsTheLineAnew() {
    var log = OutputLog()
    log.append(Array("10%\r50%\r100%\r\n".utf8), from: .stdout)
    #expect(log.lines[0].text == "100%")
  }

  @Test func oldLinesAreDroppedBeyondTheBoundButTheFirstStays() {
    var log = OutputLog(maxLines: 3)
    log.append(Array("1\n2\n3\n4\n5\n".utf8), from: .stdout)
    #expect(log.lines.map(\.text) == ["1", "4", "5"])
    #expect(log.droppedLines == 2)
    #expect((0..<3).map { log.id(ofLineAt: $0) } == [0, 3, 4])
    #expect(log.index(ofLine: 1) == nil && log.index(ofLine: 3) == 1)
  }

  @Test func longLinesKeepTheirStart() {
    var log = OutputLog(maxLineBytes: 4)
    log.append(Array("abcdefgh".utf8), from: .stdout)
    log.append(Array("ij\nk\n".utf8), from: .stdout)
    #expect(log.lines.map(\.text) == ["abcd", "k"])
    #expect(log.lines[0].clipped)
  }

  @Test func skippingSupersededOutputEndsAsAppendingWould() {
    let head = Array("header\n".utf8)
    let superseded =
      Array("a partial".utf8) + Array((1...50).map { "old \($0)\n" }.joined().utf8) + Array("tail-".utf8)
    let after = Array("end\n".utf8) + Array((1...12).map { "new \($0)\n" }.joined().utf8)
    var appended = OutputLog(maxLines: 10)
    var skipped = OutputLog(maxLines: 10)
    for log in [0, 1] {
      if log == 0 {
        appended.append(head, from: .stdout)
        appended.append(Array("x\n".utf8), from: .stdout)
        appended.append(superseded, from: .stdout)
        appended.append(after, from: .stdout)
      } else {
        skipped.append(head, from: .stdout)
        skipped.append(Array("x\n".utf8), from: .stdout)
        skipped.skip(superseded, from: .stdout)
        skipped.append(after, from: .stdout)
      }
    }
    #expect(skipped.lines.map(\.text) == appended.lines.map(\.text))
    #expect(skipped.droppedLines == appended.droppedLines)
    #expect(skipped.lines.first?.text == "header")
  }

  @Test func theRingKeepsOrderAcrossManyWrapArounds() {
    var log = OutputLog(maxLines: 4)
    for n in 1...1_000 { log.append(Array("\(n)\n".utf8), from: n % 3 == 0 ? .stderr : .stdout) }
    #expect(log.lines.map(\.text) == ["1", "998", "999", "1000"])
    #expect(log.lines.map(\.stream) == [.stdout, .stdout, .stderr, .stdout])
    #expect(log.droppedLines == 996)
    #expect(log.index(ofLine: log.id(ofLineAt: 2)) == 2)
  }
}
