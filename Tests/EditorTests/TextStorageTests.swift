import Editor
import Testing

@Suite struct TextStorageTests {
  @Test func linesAndOffsetsAgree() {
    let storage = TextStorage("ab\n\ncd\n")
    #expect(storage.lineCount == 4)
    #expect((0..<4).map(storage.line) == ["ab", "", "cd", ""])
    #expect((0..<4).map(storage.lineStart) == [0, 3, 4, 7])
    #expect((0...7).map(storage.line(containing:)) == [0, 0, 0, 1, 2, 2, 2, 3])
  }

  @Test func bigTextSpansManyChunksAndStaysConsistentUnderEdits() {
    let lines = (0..<5_000).map { "line \($0) 日本" }
    var storage = TextStorage(lines.joined(separator: "\n"))
    #expect(storage.lineCount == 5_000)
    #expect(storage.line(4_321) == "line 4321 日本")
    let start = storage.lineStart(2_000)
    storage.replace(start..<storage.lineStart(3_000), with: "")
    #expect(storage.lineCount == 4_000)
    #expect(storage.line(2_000) == "line 3000 日本")
    storage.replace(10..<10, with: String(repeating: "x\n", count: 10_000))
    #expect(storage.lineCount == 14_000)
    #expect(storage.line(containing: storage.lineStart(9_999)) == 9_999)
    var expected = lines
    expected.removeSubrange(2_000..<3_000)
    var joined = expected.joined(separator: "\n")
    let utf8Index = joined.utf8.index(joined.startIndex, offsetBy: 10)
    joined.insert(contentsOf: String(repeating: "x\n", count: 10_000), at: utf8Index)
    #expect(storage.string == joined)
  }

  @Test func invalidUTF8IsRefusedWithItsPlace() {
    let bytes: [UInt8] = Array("ok\nbad ".utf8) + [0xFF] + Array(" here".utf8)
    #expect(throws: TextDecodingError.invalidUTF8(offset: 7, line: 2, column: 5)) {
      try TextStorage(validating: bytes)
    }
    let valid = try? TextStorage(validating: Array("naïve 🐍\n".utf8))
    #expect(valid?.string == "naïve 🐍\n")
  }

  @Test func truncatedSequenceAtTheEndIsRefused() {
    #expect(throws: TextDecodingError.self) { try TextStorage(validating: Array("é".utf8).dropLast()) }
  }
}
