import Editor
import PropertyBased
import Testing

/// Random edit sequences against a naive model, and undo/redo round trips.
@Suite struct RandomEditTests {
  static let pieces = [
    "", "a", "xyz", "\n", "\n\n", "日本", "👩‍💻", "e\u{301}", "def f():\n    return 1\n", "\t", "'''",
    "f\"{x!r:>{w}}\"", "# c", String(repeating: "long line of text ", count: 200) + "\n",
  ]

  /// The UTF-8 offsets of the character boundaries of `text`.
  static func boundaries(_ text: String) -> [Int] {
    var offsets = [0]
    var offset = 0
    for character in text {
      offset += character.utf8.count
      offsets.append(offset)
    }
    return offsets
  }

  @Test func storageMatchesAStringModel() async {
    await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000).array(of: 1...40)) { seeds in
      var model = "start\nof the text\n"
      var storage = TextStorage(model)
      for seed in seeds {
        let cuts = Self.boundaries(model)
        let a = cuts[seed % cuts.count]
        let b = cuts[(seed / 7) % cuts.count]
        let range = min(a, b)..<max(a, b)
        let text = Self.pieces[(seed / 13) % Self.pieces.count]
        storage.replace(range, with: text)
        var bytes = Array(model.utf8)
        bytes.replaceSubrange(range, with: Array(text.utf8))
        model = String(decoding: bytes, as: UTF8.self)
      }
      #expect(storage.string == model)
      let lines = model.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(storage.lineCount == lines.count)
      var start = 0
      for (index, line) in lines.enumerated() {
        #expect(storage.lineStart(index) == start)
        #expect(storage.line(containing: start) == index)
        #expect(storage.line(index) == String(line))
        start += line.utf8.count + 1
      }
    }
  }

  @Test func editsInvertToTheOriginal() async {
    await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000).array(of: 1...8)) { seeds in
      let original = "alpha beta\ngamma 日本 delta\n\nepsilon"
      let cuts = Self.boundaries(original)
      var used = Set<Int>()
      var replacements: [Edit.Replacement] = []
      for seed in seeds {
        let start = cuts[seed % cuts.count]
        let end = cuts[min(cuts.count - 1, cuts.firstIndex(of: start)! + (seed / 5) % 3)]
        guard !(start...end).contains(where: used.contains) else { continue }
        used.formUnion(start...end)
        replacements.append(.init(start..<end, with: Self.pieces[(seed / 11) % Self.pieces.count]))
      }
      var storage = TextStorage(original)
      let edit = Edit(replacements)
      let inverse = edit.inverted(against: storage)
      edit.apply(to: &storage)
      inverse.apply(to: &storage)
      #expect(storage.string == original)
    }
  }

  static let commands: [EditorCommand] = [
    .insert("a"), .insert("("), .insert("\""), .insert(":"), .insert("日"), .paste("x\n  y\n"), .paste("👩‍💻"),
    .newline, .backspace, .deleteForward, .indent, .dedent, .toggleComment,
    .move(.left), .move(.right), .move(.up), .move(.down), .move(.wordLeft), .move(.wordRight, extend: true),
    .move(.lineStart), .move(.lineEnd, extend: true), .move(.up, extend: true), .move(.documentEnd),
    .move(.pageUp(lines: 3), extend: true), .selectWord, .selectLine, .selectAll, .cut, .copy,
    .pasteRegister, .collapseSelection, .jumpToMatchingBracket, .goToLine(2),
  ]

  @Test func undoAllAndRedoAllRoundTrip() async {
    await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000).array(of: 1...60)) { seeds in
      let initial = "def f(x):\n    return [x, '''a\nb''']\n\n日本 = 1\n"
      var state = EditorState(text: initial)
      for (step, seed) in seeds.enumerated() {
        state.apply(
          Self.commands[seed % Self.commands.count], at: .milliseconds(step * (seed % 3 == 0 ? 2_000 : 100)))
        let text = state.text
        #expect(state.lineCount == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(Self.boundaries(text).contains(state.selection.head))
      }
      let finalText = state.text
      while state.history.canUndo { state.apply(.undo) }
      #expect(state.text == initial)
      while state.history.canRedo { state.apply(.redo) }
      #expect(state.text == finalText)
      #expect(state.selection.range.upperBound <= state.storage.byteCount)
    }
  }

  @Test func incrementalHighlightingAgreesWithLexingFromScratch() async {
    await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000).array(of: 1...40)) { seeds in
      var state = EditorState(text: "x = '''\nstill string\n'''\ny = f\"{a:{b}}\"\n# end\n")
      state.prepareHighlighting(through: state.lineCount)
      for seed in seeds {
        state.apply(Self.commands[seed % Self.commands.count])
        if seed % 4 == 0 { state.apply(.insert("'''")) }
        if seed % 5 == 0 { state.prepareHighlighting(through: seed % 8) }
      }
      state.prepareHighlighting(through: state.lineCount)
      var expected = LexState.normal
      for line in 0..<state.lineCount {
        #expect(state.syntax.startState(of: line) == expected, "line \(line)")
        expected = PythonLexer.endState(of: Array(state.line(line).utf8), from: expected)
      }
    }
  }

  @Test func selectionReplacementMatchesAStringModel() async {
    await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000).array(of: 1...30)) { seeds in
      let initial = "one two\nthree 四 five\n"
      var model = initial
      var state = EditorState(text: model)
      for seed in seeds {
        let cuts = Self.boundaries(model)
        let a = cuts[seed % cuts.count]
        let b = cuts[(seed / 3) % cuts.count]
        let text = Self.pieces[(seed / 17) % Self.pieces.count]
        state.select(Selection(anchor: a, head: b))
        state.apply(.paste(text))
        var bytes = Array(model.utf8)
        bytes.replaceSubrange(min(a, b)..<max(a, b), with: Array(text.utf8))
        model = String(decoding: bytes, as: UTF8.self)
        #expect(state.text == model)
        #expect(state.selection == .cursor(min(a, b) + text.utf8.count))
      }
      while state.history.canUndo { state.apply(.undo) }
      #expect(state.text == initial)
    }
  }
}
