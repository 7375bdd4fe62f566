/// Incremental highlighting: the lexer state at the start of each line, computed lazily and only as
/// far down as something is drawn, and re-lexed after an edit only until the states agree with the
/// old ones again (`LexStateChain`).
///
/// Drawing a line lexes just that line from its start state, so a screen costs one screenful of
/// lexing plus whatever catching-up the edits since the last frame need. A screen far below what
/// has been lexed (a jump to the end of a big file) is not worth lexing everything above it for:
/// it starts from a guessed sync point — a top-level `def`, `class`, decorator or import a few
/// hundred lines up — and is exact as soon as the exact states reach it.
public struct SyntaxHighlighter: Hashable, Sendable {
  /// States from line 0: always right where verified.
  private var exact = LexStateChain(origin: 0, state: .normal)
  /// States from a sync point far below the exact ones, assumed to start outside any string.
  private var guess: LexStateChain?
  /// How many lines was the last `prepare` lexed, for tests and benchmarks.
  public private(set) var linesLexedLastTime = 0

  /// Beyond this many lines past the exact states, a screen starts from a guess instead.
  static let exactReach = 3_000
  /// How far above the requested line a guess starts looking for its sync point…
  static let guessLead = 300
  /// …and how much further up it may look.
  static let syncSearch = 1_000

  public init() {}

  /// The last line whose start state is known exactly.
  var validThrough: Int { exact.validThrough }

  /// Lines `first...oldLast` were replaced by `newLineCount` lines.
  mutating func linesReplaced(first: Int, oldLast: Int, newLineCount: Int) {
    _ = exact.linesReplaced(first: first, oldLast: oldLast, newLineCount: newLineCount)
    if var moved = guess, moved.linesReplaced(first: first, oldLast: oldLast, newLineCount: newLineCount) {
      guess = moved
    } else {
      guess = nil
    }
  }

  /// Makes the start states usable through `line`: exact when it is within reach, else guessed.
  mutating func prepare(through line: Int, in storage: TextStorage) {
    if line - exact.validThrough <= Self.exactReach {
      linesLexedLastTime = exact.prepare(through: line, in: storage)
      if let guess, exact.validThrough >= guess.origin { self.guess = nil }
      return
    }
    if guess == nil || guess!.origin > line || line - guess!.validThrough > Self.exactReach {
      guess = LexStateChain(origin: syncLine(above: line - Self.guessLead, in: storage), state: .normal)
    }
    linesLexedLastTime = guess!.prepare(through: line, in: storage)
  }

  /// A line at or above `line` that most likely starts outside any string: one that begins at
  /// column 0 with `def`, `class`, `@`, `import` or `from`. If there is none near, `line` itself.
  private func syncLine(above line: Int, in storage: TextStorage) -> Int {
    let floor = max(exact.validThrough + 1, line - Self.syncSearch)
    var candidate = line
    while candidate >= floor {
      let start = storage.lineStart(candidate)
      let head = storage.bytes(in: start..<min(storage.byteCount, start + 6))
      if Self.syncPrefixes.contains(where: { head.starts(with: $0) }) { return candidate }
      candidate -= 1
    }
    return line
  }

  private static let syncPrefixes = ["def ", "class ", "@", "import ", "from ", "async "].map {
    Array($0.utf8)
  }

  /// The start state of `line`: exact where known, else from the guess, else a best guess.
  public func startState(of line: Int) -> LexState {
    if line <= exact.validThrough, let state = exact.state(of: line) { return state }
    if let guess, line <= guess.validThrough, let state = guess.state(of: line) { return state }
    return exact.state(of: line) ?? .normal
  }

  /// The tokens of `line`, whose bytes are given.
  func spans(line: Int, bytes: [UInt8]) -> [HighlightSpan] {
    PythonLexer.lex(bytes, from: startState(of: line)).spans
  }
}
