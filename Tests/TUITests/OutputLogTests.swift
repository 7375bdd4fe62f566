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
}
