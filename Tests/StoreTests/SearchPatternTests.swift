import Testing

@testable import Store

@Suite("What a search box's text becomes in FTS5")
struct SearchPatternTests {
  @Test(
    "words become quoted prefix terms, quotes doubled",
    arguments: [
      ("fib", #""fib"*"#),
      ("def fib", #""def"* "fib"*"#),
      (#"say "hi"#, #""say"* """hi"*"#),
      ("NEAR(a b)", #""NEAR(a"* "b)"*"#),
      ("a OR b", #""a"* "OR"* "b"*"#),
      ("日本語", #""日本語"*"#),
      ("x* -y", #""x*"* "-y"*"#),
    ])
  func quoted(text: String, expected: String) {
    #expect(SearchPattern(text).expression == expected)
  }

  @Test(
    "text without a letter or digit asks for nothing",
    arguments: ["", "   ", "\"", "***", "( )", "- + :", "\t\n"])
  func nothing(text: String) {
    #expect(SearchPattern(text).expression == nil)
  }
}
