/// The lexer's start states for consecutive lines, from an `origin` line whose state is given.
/// The highlighter keeps one from line 0 (exact) and sometimes one from a sync point far down the
/// file (a guess, so a far jump need not lex everything above it).
///
/// An edit invalidates from its first line; `prepare` re-lexes from there until it reaches a line
/// below the edit whose start state equals the one it had before — from there on the old states
/// are right again.
struct LexStateChain: Hashable, Sendable {
  private(set) var origin: Int
  /// `states[i]` is the state at the start of line `origin + i`. Entries after `verified` are what
  /// they were before the latest edits (shifted with the lines), or placeholders in edited regions.
  private var states: [LexState]
  /// States up to and including `origin + verified` are consistent with the origin's.
  private var verified = 0
  /// Re-lexing may stop only past this (relative) line: the last line an edit produced.
  private var mustRelexThrough = -1

  init(origin: Int, state: LexState) {
    self.origin = origin
    states = [state]
  }

  /// The last line whose state is known.
  var validThrough: Int { origin + verified }

  /// The state at the start of `line`, if the chain has one (possibly stale past `validThrough`).
  func state(of line: Int) -> LexState? {
    let index = line - origin
    return index >= 0 && index < states.count ? states[index] : nil
  }

  /// Lines `first...oldLast` were replaced by `newLineCount` lines. Returns false when the edit
  /// reaches the origin line, which leaves the chain without a starting point.
  mutating func linesReplaced(first absoluteFirst: Int, oldLast absoluteLast: Int, newLineCount: Int) -> Bool
  {
    let growth = newLineCount - (absoluteLast - absoluteFirst + 1)
    if absoluteLast < origin {
      origin += growth
      return true
    }
    if absoluteFirst < origin { return false }
    let first = absoluteFirst - origin
    let oldLast = absoluteLast - origin
    if states.count > oldLast + 1 {
      // The old state of the line after the edit is known: keep it to compare against.
      states.replaceSubrange(
        (first + 1)..<(oldLast + 1), with: repeatElement(states[first], count: newLineCount - 1))
    } else {
      states.removeSubrange(min(states.count, first + 1)...)
    }
    verified = min(verified, first)
    if mustRelexThrough > oldLast {
      mustRelexThrough += growth
    } else if mustRelexThrough >= first {
      mustRelexThrough = first + newLineCount - 1
    }
    mustRelexThrough = max(mustRelexThrough, first + newLineCount - 1)
    return true
  }

  /// Makes the states consistent through `line`; returns how many lines it lexed.
  mutating func prepare(through line: Int, in storage: TextStorage) -> Int {
    let target = min(line, storage.lineCount - 1) - origin
    var lexed = 0
    var current = verified
    // Lines are visited in order, so each starts just after the previous one's newline.
    var start = storage.lineStart(origin + current)
    while current < target {
      let lineEnd = storage.endOfLine(from: start)
      let end = PythonLexer.endState(of: storage.bytes(in: start..<lineEnd), from: states[current])
      start = lineEnd + 1
      lexed += 1
      let next = current + 1
      if next < states.count {
        if next > mustRelexThrough && states[next] == end {
          // Caught up with the old states: everything below is as it was.
          verified = states.count - 1
          mustRelexThrough = -1
          current = verified
          start = storage.lineStart(origin + current)
          continue
        }
        states[next] = end
      } else {
        states.append(end)
      }
      verified = next
      current = next
    }
    let lines = storage.lineCount - origin
    if states.count > lines { states.removeLast(states.count - lines) }
    verified = min(verified, states.count - 1)
    if verified == states.count - 1 {
      mustRelexThrough = -1
    } else if mustRelexThrough >= 0 {
      // Stopped before catching up: the lines lexed so far form a new chain of states, and only
      // a state past them may be compared with the old ones.
      mustRelexThrough = max(mustRelexThrough, verified)
    }
    return lexed
  }
}
