/// The lines two texts share and where they differ, as `diff -u` shows them: Myers' shortest edit
/// script over whole lines, after the common first and last lines are set aside. Pure.
enum LineDiff {
  enum Kind: Equatable { case same, removed, added }

  struct Line: Equatable {
    var kind: Kind
    var text: String
    /// 1-based line numbers in the old and the new text (nil where the line is not there).
    var old: Int?
    var new: Int?
  }

  /// A run of changes with up to `context` unchanged lines around it.
  struct Hunk: Equatable {
    var oldStart: Int
    var oldCount: Int
    var newStart: Int
    var newCount: Int
    var lines: [Line]

    /// `@@ -oldStart,oldCount +newStart,newCount @@`, as in a unified diff.
    var header: String { "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@" }
  }

  /// Edits beyond this many are not searched for: the rest is shown as removed then added, so a
  /// diff of two unrelated large texts stays quick.
  static let maximumEdits = 1_000

  static func lines(of text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Every line of both texts in order, each marked same, removed or added.
  static func compare(_ old: String, _ new: String) -> [Line] {
    let a = lines(of: old)
    let b = lines(of: new)
    var prefix = 0
    while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix
      && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    {
      suffix += 1
    }
    var result: [Line] = []
    for i in 0..<prefix { result.append(Line(kind: .same, text: String(a[i]), old: i + 1, new: i + 1)) }
    let middleA = Array(a[prefix..<(a.count - suffix)])
    let middleB = Array(b[prefix..<(b.count - suffix)])
    for (kind, i, j) in script(middleA, middleB) {
      switch kind {
      case .same:
        result.append(Line(kind: .same, text: String(middleA[i]), old: prefix + i + 1, new: prefix + j + 1))
      case .removed:
        result.append(Line(kind: .removed, text: String(middleA[i]), old: prefix + i + 1, new: nil))
      case .added: result.append(Line(kind: .added, text: String(middleB[j]), old: nil, new: prefix + j + 1))
      }
    }
    for k in 0..<suffix {
      let i = a.count - suffix + k
      let j = b.count - suffix + k
      result.append(Line(kind: .same, text: String(a[i]), old: i + 1, new: j + 1))
    }
    return result
  }

  /// The changes grouped into hunks with `context` lines around each; empty when nothing changed.
  static func hunks(_ old: String, _ new: String, context: Int = 3) -> [Hunk] {
    let all = compare(old, new)
    let changed = all.indices.filter { all[$0].kind != .same }
    guard !changed.isEmpty else { return [] }
    var ranges: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(all.count - 1, index + context)
      if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
        ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        ranges.append(range)
      }
    }
    return ranges.map { range in
      let lines = Array(all[range])
      let olds = lines.compactMap(\.old)
      let news = lines.compactMap(\.new)
      // A side with no line in the hunk starts after the line before it, as diff -u counts.
      let oldStart = olds.first ?? (all[..<range.lowerBound].compactMap(\.old).last ?? 0)
      let newStart = news.first ?? (all[..<range.lowerBound].compactMap(\.new).last ?? 0)
      return Hunk(
        oldStart: oldStart, oldCount: olds.count, newStart: newStart, newCount: news.count, lines: lines)
    }
  }

  /// Myers' greedy O((N+M)·D) search, keeping each round's furthest points to walk back through.
  private static func script(_ a: [Substring], _ b: [Substring]) -> [(Kind, Int, Int)] {
    let n = a.count
    let m = b.count
    if n == 0 { return (0..<m).map { (.added, 0, $0) } }
    if m == 0 { return (0..<n).map { (.removed, $0, 0) } }
    let offset = n + m + 1
    var v = [Int](repeating: 0, count: 2 * offset + 1)
    var trace: [[Int]] = []
    var found = false
    search: for d in 0...min(n + m, maximumEdits) {
      // Only diagonals -d...d can be read when walking back through round d.
      trace.append(Array(v[(offset - d)...(offset + d)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
          x = v[offset + k + 1]
        } else {
          x = v[offset + k - 1] + 1
        }
        var y = x - k
        while x < n && y < m && a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m {
          found = true
          break search
        }
      }
    }
    guard found else {
      return (0..<n).map { (.removed, $0, 0) } + (0..<m).map { (.added, 0, $0) }
    }
    // Walk back from (n, m) through the saved rounds.
    var steps: [(Kind, Int, Int)] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let round = trace[d]
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && round[d + k - 1] < round[d + k + 1]) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = d == 0 ? 0 : round[d + previousK]
      let previousY = previousX - previousK
      while x > previousX && y > previousY {
        x -= 1
        y -= 1
        steps.append((.same, x, y))
      }
      if d > 0 {
        if x == previousX {
          steps.append((.added, x, previousY))
        } else {
          steps.append((.removed, previousX, y))
        }
      }
      x = previousX
      y = previousY
    }
    return steps.reversed()
  }
}
