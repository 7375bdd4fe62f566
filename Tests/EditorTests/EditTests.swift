import Editor
import Testing

@Suite struct EditTests {
  @Test func appliesBackToFrontAndInverts() {
    var storage = TextStorage("hello world")
    let edit = Edit([.init(0..<5, with: "hi"), .init(6..<11, with: "there, you")])
    let inverse = edit.inverted(against: storage)
    edit.apply(to: &storage)
    #expect(storage.string == "hi there, you")
    inverse.apply(to: &storage)
    #expect(storage.string == "hello world")
  }

  @Test func mapsOffsetsThroughReplacements() {
    let edit = Edit([.init(2..<4, with: "XYZ"), .init(6..<6, with: "++")])
    #expect(edit.map(1) == 1)
    #expect(edit.map(2) == 2)
    #expect(edit.map(3, bias: .before) == 2)
    #expect(edit.map(3, bias: .after) == 5)
    #expect(edit.map(4) == 5)
    #expect(edit.map(6, bias: .before) == 7)
    #expect(edit.map(6, bias: .after) == 9)
    #expect(edit.map(10) == 13)
  }

  @Test func selectionsKeepInsertionsAtTheirEdgesOutside() {
    let selection = Selection(anchor: 2, head: 5)
    let mapped = selection.mapped(through: Edit([.init(2..<2, with: "ab"), .init(5..<5, with: "cd")]))
    #expect(mapped == Selection(anchor: 4, head: 7))
  }
}
