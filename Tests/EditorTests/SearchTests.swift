import Editor
import Testing

@Suite struct SearchTests {
  let text = "Foo foo food\nfoo_bar FOO\n日本 foo"

  func found(_ query: SearchQuery) throws -> [String] {
    let state = EditorState(text: text)
    return try state.matches(of: query).map { state.storage.string(in: $0) + "@\($0.lowerBound)" }
  }

  @Test func plainCaseInsensitiveByDefault() throws {
    #expect(try found(SearchQuery("foo")).count == 6)
    #expect(try found(SearchQuery("foo", caseSensitive: true)) == ["foo@4", "foo@8", "foo@13", "foo@32"])
  }

  @Test func wholeWord() throws {
    #expect(try found(SearchQuery("foo", wholeWord: true)) == ["Foo@0", "foo@4", "FOO@21", "foo@32"])
  }

  @Test func regexAndInvalidRegex() throws {
    #expect(try found(SearchQuery("fo+d|bar", isRegex: true)) == ["food@8", "bar@17"])
    #expect(try found(SearchQuery("^foo", caseSensitive: true, isRegex: true)) == ["foo@13"])
    #expect(throws: SearchError.self) { try found(SearchQuery("(", isRegex: true)) }
  }

  @Test func nonASCIICaseInsensitiveFallsBackToRegex() throws {
    let state = EditorState(text: "Ärger ärger")
    #expect(try state.matches(of: SearchQuery("ärger")).count == 2)
    #expect(try found(SearchQuery("日本")) == ["日本@25"])
  }

  @Test func findWrapsInBothDirections() throws {
    var state = EditorState(text: "a x a x a")
    state.select(.cursor(5))
    #expect(try state.find(SearchQuery("a"))?.index == 2)
    #expect(try state.find(SearchQuery("a"))?.index == 0)
    #expect(try state.find(SearchQuery("a"), direction: .backward)?.index == 2)
    #expect(try state.find(SearchQuery("zzz")) == nil)
  }

  @Test func replaceNextReplacesTheSelectedMatchThenSelectsTheNext() throws {
    var state = EditorState(text: "a b a b")
    try state.find(SearchQuery("b"), from: 0)
    try state.replaceNext(SearchQuery("b"), with: "XX")
    #expect(MarkedText.render(state) == "a XX a «b|")
  }

  @Test func regexReplacementsExpandGroups() throws {
    var state = EditorState(text: "f(a, b)\nf(c, d)")
    let count = try state.replaceAll(SearchQuery(#"f\((\w), (\w)\)"#, isRegex: true), with: "g($2, $1) $$ $9")
    #expect(count == 2)
    #expect(state.text == "g(b, a) $ \ng(d, c) $ ")
    var plain = EditorState(text: "x$1")
    try plain.replaceAll(SearchQuery("x"), with: "$1")
    #expect(plain.text == "$1$1")
  }
}
