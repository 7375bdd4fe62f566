/// Finds every match of a query in a text, as byte ranges. Plain queries compare UTF-8 bytes
/// directly (ASCII case folding for case-insensitive ASCII patterns), which keeps incremental find
/// fast on big files; everything else goes through Swift's `Regex`.
public enum TextSearch {
  /// Stops counting here, so a one-letter query in a huge file stays responsive.
  public static let matchLimit = 100_000

  public static func matches(of query: SearchQuery, in storage: TextStorage) throws(SearchError) -> [Range<
    Int
  >] {
    guard !query.pattern.isEmpty else { return [] }
    let bytes = storage.bytes(in: 0..<storage.byteCount)
    let pattern = Array(query.pattern.utf8)
    let isASCII = pattern.allSatisfy { $0 < 0x80 }
    var found: [Range<Int>]
    if !query.isRegex && (query.caseSensitive || isASCII) {
      found = plainMatches(of: pattern, in: bytes, foldCase: !query.caseSensitive)
    } else {
      found = try regexMatches(of: query, in: String(decoding: bytes, as: UTF8.self))
    }
    if query.wholeWord {
      found.removeAll { !isWholeWord($0, in: bytes) }
    }
    return found
  }

  static func plainMatches(of pattern: [UInt8], in bytes: [UInt8], foldCase: Bool) -> [Range<Int>] {
    var result: [Range<Int>] = []
    let fold: (UInt8) -> UInt8 = foldCase ? { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : { $0 }
    let needle = pattern.map(fold)
    guard let first = needle.first, bytes.count >= needle.count else { return [] }
    var i = 0
    let last = bytes.count - needle.count
    while i <= last && result.count < matchLimit {
      if fold(bytes[i]) == first {
        var j = 1
        while j < needle.count && fold(bytes[i + j]) == needle[j] { j += 1 }
        if j == needle.count {
          result.append(i..<(i + needle.count))
          i += needle.count
          continue
        }
      }
      i += 1
    }
    return result
  }

  static func regexMatches(of query: SearchQuery, in text: String) throws(SearchError) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for match in text.matches(of: try compile(query)) where !match.range.isEmpty {
      result.append(byteRange(of: match.range, in: text))
      if result.count >= matchLimit { break }
    }
    return result
  }

  /// What replacing every match with `template` changes: the template as it is for plain
  /// queries; for regular expressions `$0`…`$9` stand for the match and its groups, `$$` for `$`.
  public static func replacements(
    of query: SearchQuery, with template: String, in storage: TextStorage
  ) throws(SearchError) -> [Edit.Replacement] {
    guard query.isRegex else {
      return try matches(of: query, in: storage).map { Edit.Replacement($0, with: template) }
    }
    guard !query.pattern.isEmpty else { return [] }
    let bytes = storage.bytes(in: 0..<storage.byteCount)
    let text = String(decoding: bytes, as: UTF8.self)
    var result: [Edit.Replacement] = []
    for match in text.matches(of: try compile(query)) where !match.range.isEmpty {
      let range = byteRange(of: match.range, in: text)
      if query.wholeWord && !isWholeWord(range, in: bytes) { continue }
      result.append(Edit.Replacement(range, with: expand(template, with: match.output)))
      if result.count >= matchLimit { break }
    }
    return result
  }

  static func compile(_ query: SearchQuery) throws(SearchError) -> Regex<AnyRegexOutput> {
    var regex: Regex<AnyRegexOutput>
    do {
      regex = try Regex(query.isRegex ? query.pattern : escaped(query.pattern))
    } catch {
      throw .invalidRegex(String(describing: error))
    }
    if !query.caseSensitive { regex = regex.ignoresCase() }
    return regex.anchorsMatchLineEndings()
  }

  static func byteRange(of range: Range<String.Index>, in text: String) -> Range<Int> {
    let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    return start..<(start + text.utf8.distance(from: range.lowerBound, to: range.upperBound))
  }

  /// The template with `$n` replaced by group n of the match (empty when it did not take part).
  static func expand(_ template: String, with output: AnyRegexOutput) -> String {
    var result = ""
    var characters = template.makeIterator()
    while let character = characters.next() {
      guard character == "$" else {
        result.append(character)
        continue
      }
      switch characters.next() {
      case "$"?: result.append("$")
      case let digit? where digit.wholeNumberValue != nil:
        let group = digit.wholeNumberValue!
        if group < output.count, let captured = output[group].substring { result += captured }
      case let other?: result += "$" + String(other)
      case nil: result.append("$")
      }
    }
    return result
  }

  /// A plain pattern as a regular expression that matches it literally.
  static func escaped(_ pattern: String) -> String {
    var result = ""
    for character in pattern {
      if "\\^$.|?*+()[]{}-/".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  /// Whether the bytes on either side of `range` are not identifier characters.
  static func isWholeWord(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
    func isWordByte(_ b: UInt8) -> Bool {
      (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b >= 0x80
    }
    let before = range.lowerBound > 0 && isWordByte(bytes[range.lowerBound - 1])
    let after = range.upperBound < bytes.count && isWordByte(bytes[range.upperBound])
    return !before && !after
  }
}
