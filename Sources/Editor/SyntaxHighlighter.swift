/// Incremental highlighting: the lexer state at the start of each line, computed lazily and only as
/// far down as something is drawn. An edit invalidates from its first line; re-lexing then runs
/// from there until it reaches a line below the edit whose start state equals the one it had
/// before — from there on everything is known to be unchanged.
///
/// Drawing a line lexes just that line from its start state, so a screen costs one screenful of
/// lexing plus whatever state catching-up the edits since the last frame need.
public struct SyntaxHighlighter: Hashable, Sendable {
  /// `states[i]` is the state at the start of line i. Entries after `validThrough` are what they
  /// were before the latest edits (shifted with the lines), or placeholders inside edited regions.
  private var states: [LexState] = [.normal]
  /// States up to and including this line are correct.
  private(set) var validThrough = 0
  /// Re-lexing may stop only at a line past this one: the last line an edit produced.
  private var mustRelexThrough = -1
  /// How many lines were lexed by the last `prepare`, for tests and benchmarks.
  public private(set) var linesLexedLastTime = 0

  public init() {}

  /// Lines `first...oldLast` were replaced by `newLineCount` lines.
  mutating func linesReplaced(first: Int, oldLast: Int, newLineCount: Int) {
    let oldCount = oldLast - first + 1
    let growth = newLineCount - oldCount
    if states.count > oldLast + 1 {
      // The old state of the line after the edit is known: keep it to compare against.
      states.replaceSubrange(
        (first + 1)..<(oldLast + 1), with: repeatElement(states[first], count: newLineCount - 1))
    } else {
      states.removeSubrange(min(states.count, first + 1)...)
    }
    validThrough = min(validThrough, first)
    if mustRelexThrough > oldLast {
      mustRelexThrough += growth
    } else if mustRelexThrough >= first {
      mustRelexThrough = first + newLineCount - 1
    }
    mustRelexThrough = max(mustRelexThrough, first + newLineCount - 1)
  }

  /// Makes the start states correct through `line`.
  mutating func prepare(through line: Int, in storage: TextStorage) {
    linesLexedLastTime = 0
    var current = validThrough
    // Lines are visited in order, so each starts just after the previous one's newline.
    var start = storage.lineStart(current)
    while current < line {
      let lineEnd = storage.endOfLine(from: start)
      let end = PythonLexer.endState(of: storage.bytes(in: start..<lineEnd), from: states[current])
      start = lineEnd + 1
      linesLexedLastTime += 1
      let next = current + 1
      if next < states.count {
        if next > mustRelexThrough && states[next] == end {
          // Caught up with the old states: everything below is as it was.
          validThrough = states.count - 1
          mustRelexThrough = -1
          current = validThrough
          start = storage.lineStart(current)
          continue
        }
        states[next] = end
      } else {
        states.append(end)
      }
      validThrough = next
      current = next
    }
    if states.count > storage.lineCount { states.removeLast(states.count - storage.lineCount) }
    validThrough = min(validThrough, states.count - 1)
    if validThrough == states.count - 1 {
      mustRelexThrough = -1
    } else if mustRelexThrough >= 0 {
      // Stopped before catching up: the lines lexed so far form a new chain of states, and only
      // a state past them may be compared with the old ones.
      mustRelexThrough = max(mustRelexThrough, validThrough)
    }
  }

  /// The start state of `line`, correct if `prepare` reached it, a best guess otherwise.
  public func startState(of line: Int) -> LexState {
    line < states.count ? states[line] : .normal
  }

  /// The tokens of `line`, whose bytes are given.
  func spans(line: Int, bytes: [UInt8]) -> [HighlightSpan] {
    PythonLexer.lex(bytes, from: startState(of: line)).spans
  }
}
