/// One change to the text as a value: non-overlapping replacements, each a byte range of the text
/// before the edit and the text that takes its place. An edit can be applied, inverted against the
/// text it applies to (for undo), and used to map offsets from before it to after it (for cursors,
/// selections and anything else anchored in the text).
public struct Edit: Hashable, Sendable {
  public struct Replacement: Hashable, Sendable {
    public var range: Range<Int>
    public var text: String

    public init(_ range: Range<Int>, with text: String) {
      self.range = range
      self.text = text
    }

    /// How much longer the text gets.
    var growth: Int { text.utf8.count - range.count }
  }

  /// Which side of an insertion made exactly at an offset the offset ends up on.
  public enum Bias: Sendable {
    case before, after
  }

  /// Sorted by position, never overlapping.
  public let replacements: [Replacement]

  public init(_ replacements: [Replacement]) {
    let sorted = replacements.filter { !$0.range.isEmpty || !$0.text.isEmpty }
      .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    for (a, b) in zip(sorted, sorted.dropFirst()) {
      precondition(a.range.upperBound <= b.range.lowerBound, "overlapping replacements in one edit")
    }
    self.replacements = sorted
  }

  public static func replace(_ range: Range<Int>, with text: String) -> Edit {
    Edit([Replacement(range, with: text)])
  }

  public static func insert(_ text: String, at offset: Int) -> Edit { replace(offset..<offset, with: text) }

  public static func delete(_ range: Range<Int>) -> Edit { replace(range, with: "") }

  public var isEmpty: Bool { replacements.isEmpty }

  /// Applies the edit: back to front, so earlier ranges stay valid while later ones change.
  public func apply(to storage: inout TextStorage) {
    for replacement in replacements.reversed() {
      storage.replace(replacement.range, with: replacement.text)
    }
  }

  /// The edit that undoes this one, given the text this one applies to.
  public func inverted(against original: TextStorage) -> Edit {
    var shift = 0
    var inverse: [Replacement] = []
    for replacement in replacements {
      let start = replacement.range.lowerBound + shift
      let removed = original.string(in: replacement.range)
      inverse.append(Replacement(start..<(start + replacement.text.utf8.count), with: removed))
      shift += replacement.growth
    }
    return Edit(inverse)
  }

  /// Where `offset` of the text before the edit lands in the text after it. An offset inside a
  /// replaced range goes to the start (`.before`) or end (`.after`) of the new text.
  public func map(_ offset: Int, bias: Bias = .after) -> Int {
    var shift = 0
    for replacement in replacements {
      let range = replacement.range
      if offset < range.lowerBound { break }
      let replacedStart = range.lowerBound + shift
      if offset == range.lowerBound && !range.isEmpty { return replacedStart }
      if offset == range.lowerBound || offset < range.upperBound {
        return bias == .before ? replacedStart : replacedStart + replacement.text.utf8.count
      }
      shift += replacement.growth
    }
    return offset + shift
  }

  /// The lines each replacement touches, for whoever caches per-line data (the highlighter):
  /// first line, old last line, and how many lines the new text spans. Back to front, like `apply`.
  func lineChanges(in original: TextStorage) -> [(first: Int, oldLast: Int, newLineCount: Int)] {
    replacements.reversed().map { replacement in
      let first = original.line(containing: replacement.range.lowerBound)
      let oldLast = original.line(containing: replacement.range.upperBound)
      let added = replacement.text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      return (first, oldLast, added + 1)
    }
  }
}
