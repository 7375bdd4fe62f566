/// The "did you mean" of a usage error: the known name closest to a mistyped one, if any is close.
enum Suggestion {
  /// A name that `word` begins (`comp` → `completions`), else the nearest within a typo or two
  /// (`sevre` → `serve`): one edit per three letters, at least one, at most two.
  static func closest(to word: String, among names: [String]) -> String? {
    guard !word.isEmpty else { return nil }
    if word.count >= 2, let started = names.first(where: { $0.hasPrefix(word) }) { return started }
    let typed = Array(word)
    var best: (name: String, distance: Int)?
    for name in names {
      let distance = editDistance(typed, Array(name))
      let allowed = min(2, max(1, name.count / 3))
      if distance <= allowed && distance < (best?.distance ?? .max) { best = (name, distance) }
    }
    return best?.name
  }

  /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let substitution = a[i - 1] == b[j - 1] ? 0 : 1
        var cost = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + substitution)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          cost = min(cost, table[i - 2][j - 2] + 1)
        }
        table[i][j] = cost
      }
    }
    return table[a.count][b.count]
  }
}
