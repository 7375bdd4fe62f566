/// The document's text: UTF-8 bytes in chunks of a few kilobytes, indexed by two Fenwick trees
/// (bytes and newlines per chunk).
///
/// An edit touches one chunk (or the few a deletion spans), so inserting or deleting anywhere costs
/// a chunk-sized copy plus logarithmic index updates; offset↔line lookups are logarithmic plus a
/// scan of one chunk. Splitting an overfull chunk rebuilds the index in linear time, but that
/// happens once per few kilobytes inserted. docs/editor.md explains the choice against a rope.
///
/// Offsets are UTF-8 byte offsets; lines are separated by "\n" only. Callers edit at character
/// boundaries, so the bytes always stay valid UTF-8.
public struct TextStorage: Sendable {
  /// A chunk that grows beyond this is split.
  static let maximumChunk = 4096
  /// The size chunks are cut to when loading or splitting.
  static let targetChunk = 2048

  struct Chunk: Sendable {
    var bytes: [UInt8]
    var newlines: Int

    init<C: Collection<UInt8>>(_ bytes: C) {
      self.bytes = Array(bytes)
      newlines = Self.countNewlines(self.bytes[...])
    }

    static func countNewlines(_ bytes: ArraySlice<UInt8>) -> Int {
      var count = 0
      for byte in bytes where byte == 0x0A { count += 1 }
      return count
    }
  }

  /// Never empty; only a lone chunk may be empty.
  private var chunks: [Chunk]
  private var byteIndex: FenwickTree
  private var newlineIndex: FenwickTree
  public private(set) var byteCount: Int
  private var newlineCount: Int

  public init(_ text: String = "") {
    var text = text
    chunks = text.withUTF8 { Self.cut($0) }
    (byteIndex, newlineIndex) = Self.index(chunks)
    byteCount = chunks.reduce(0) { $0 + $1.bytes.count }
    newlineCount = chunks.reduce(0) { $0 + $1.newlines }
  }

  /// Text from bytes that must be UTF-8; anything else is refused with the place of the first bad
  /// byte, never repaired.
  public init<C: Collection<UInt8>>(validating bytes: C) throws(TextDecodingError) {
    // The standard library's validation is the fast path; the slow decoder only runs to say
    // where the first bad byte is.
    let chunks =
      bytes.withContiguousStorageIfAvailable { buffer -> [Chunk]? in
        String(validating: buffer, as: UTF8.self) == nil ? nil : Self.cut(buffer)
      }
      ?? Array(bytes).withUnsafeBufferPointer { buffer -> [Chunk]? in
        String(validating: buffer, as: UTF8.self) == nil ? nil : Self.cut(buffer)
      }
    guard let chunks else {
      throw TextDecodingError.firstProblem(in: bytes) ?? .invalidUTF8(offset: 0, line: 1, column: 1)
    }
    self.init(chunks: chunks)
  }

  private init(chunks: [Chunk]) {
    self.chunks = chunks
    (byteIndex, newlineIndex) = Self.index(chunks)
    byteCount = chunks.reduce(0) { $0 + $1.bytes.count }
    newlineCount = chunks.reduce(0) { $0 + $1.newlines }
  }

  /// Cuts bytes into chunks of about `targetChunk`, never inside a UTF-8 sequence.
  private static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> [Chunk] {
    var result: [Chunk] = []
    result.reserveCapacity(bytes.count / targetChunk + 1)
    var start = 0
    while start < bytes.count {
      var end = min(bytes.count, start + targetChunk)
      while end < bytes.count && end > start + 1 && isContinuation(bytes[end]) { end -= 1 }
      result.append(Chunk(bytes[start..<end]))
      start = end
    }
    return result.isEmpty ? [Chunk([])] : result
  }

  private static func index(_ chunks: [Chunk]) -> (FenwickTree, FenwickTree) {
    (FenwickTree(chunks.map(\.bytes.count)), FenwickTree(chunks.map(\.newlines)))
  }

  static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

  // MARK: Reading

  public var lineCount: Int { newlineCount + 1 }
  public var isEmpty: Bool { byteCount == 0 }

  /// The whole text. Linear: for saving and running, not for every keystroke.
  public var string: String { string(in: 0..<byteCount) }

  public func string(in range: Range<Int>) -> String {
    String(decoding: bytes(in: range), as: UTF8.self)
  }

  public func bytes(in range: Range<Int>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(range.count)
    forEachSlice(in: range) { result.append(contentsOf: $0) }
    return result
  }

  /// Calls `body` with the consecutive pieces of `range`, chunk by chunk.
  public func forEachSlice(in range: Range<Int>, _ body: (ArraySlice<UInt8>) -> Void) {
    guard !range.isEmpty else { return }
    var (chunk, offset) = locate(range.lowerBound)
    var remaining = range.count
    while remaining > 0 && chunk < chunks.count {
      let bytes = chunks[chunk].bytes
      let end = min(bytes.count, offset + remaining)
      if end > offset { body(bytes[offset..<end]) }
      remaining -= end - offset
      chunk += 1
      offset = 0
    }
  }

  /// The byte at `offset` (which must be inside the text).
  public func byte(at offset: Int) -> UInt8 {
    let (chunk, inChunk) = locate(offset)
    return chunks[chunk].bytes[inChunk]
  }

  /// The chunk holding `offset` and the offset inside it; the end of the text is the end of the
  /// last chunk.
  private func locate(_ offset: Int) -> (chunk: Int, offset: Int) {
    let k = byteIndex.firstPrefix(reaching: offset + 1)
    if k > chunks.count { return (chunks.count - 1, chunks[chunks.count - 1].bytes.count) }
    let chunk = max(0, k - 1)
    return (chunk, offset - byteIndex.prefixSum(chunk))
  }

  // MARK: Lines

  /// The 0-based line holding `offset`.
  public func line(containing offset: Int) -> Int {
    let (chunk, inChunk) = locate(min(max(0, offset), byteCount))
    return newlineIndex.prefixSum(chunk) + Chunk.countNewlines(chunks[chunk].bytes[..<inChunk])
  }

  /// The offset where `line` starts (0 for line 0; clamped to the text).
  public func lineStart(_ line: Int) -> Int {
    if line <= 0 { return 0 }
    if line > newlineCount { return byteCount }
    // The chunk that holds the line-th newline, then that newline inside it.
    let chunk = newlineIndex.firstPrefix(reaching: line) - 1
    var wanted = line - newlineIndex.prefixSum(chunk)
    let inChunk = chunks[chunk].bytes.withUnsafeBufferPointer { bytes -> Int in
      for i in 0..<bytes.count where bytes[i] == 0x0A {
        wanted -= 1
        if wanted == 0 { return i }
      }
      return -1
    }
    precondition(inChunk >= 0, "newline index out of step with chunk \(chunk)")
    return byteIndex.prefixSum(chunk) + inChunk + 1
  }

  /// The offset of the first newline at or after `offset`, or the end of the text.
  public func endOfLine(from offset: Int) -> Int {
    guard offset < byteCount else { return byteCount }
    var (chunk, inChunk) = locate(offset)
    var chunkStart = offset - inChunk
    while chunk < chunks.count {
      let found = chunks[chunk].bytes.withUnsafeBufferPointer { bytes -> Int? in
        for i in inChunk..<bytes.count where bytes[i] == 0x0A { return i }
        return nil
      }
      if let found { return chunkStart + found }
      chunkStart += chunks[chunk].bytes.count
      chunk += 1
      inChunk = 0
    }
    return byteCount
  }

  /// The bytes of `line`, without its newline.
  public func lineRange(_ line: Int) -> Range<Int> {
    let start = lineStart(line)
    return start..<endOfLine(from: start)
  }

  /// The text of `line`, without its newline.
  public func line(_ line: Int) -> String { string(in: lineRange(line)) }

  // MARK: Editing

  /// Replaces the bytes in `range` with `text`.
  public mutating func replace(_ range: Range<Int>, with text: String) {
    precondition(range.lowerBound >= 0 && range.upperBound <= byteCount, "range outside the text")
    if !range.isEmpty { delete(range) }
    if !text.isEmpty { insert(Array(text.utf8), at: range.lowerBound) }
  }

  private mutating func insert(_ bytes: [UInt8], at offset: Int) {
    let (chunk, inChunk) = locate(offset)
    let added = Chunk.countNewlines(bytes[...])
    chunks[chunk].bytes.insert(contentsOf: bytes, at: inChunk)
    chunks[chunk].newlines += added
    byteCount += bytes.count
    newlineCount += added
    if chunks[chunk].bytes.count > Self.maximumChunk {
      let pieces = chunks[chunk].bytes.withUnsafeBufferPointer { Self.cut($0) }
      chunks.replaceSubrange(chunk...chunk, with: pieces)
      (byteIndex, newlineIndex) = Self.index(chunks)
    } else {
      byteIndex.add(bytes.count, at: chunk)
      newlineIndex.add(added, at: chunk)
    }
  }

  private mutating func delete(_ range: Range<Int>) {
    var (chunk, offset) = locate(range.lowerBound)
    if offset == chunks[chunk].bytes.count && chunk + 1 < chunks.count {
      chunk += 1
      offset = 0
    }
    var remaining = range.count
    var emptied = false
    while remaining > 0 {
      let end = min(chunks[chunk].bytes.count, offset + remaining)
      let removedNewlines = Chunk.countNewlines(chunks[chunk].bytes[offset..<end])
      chunks[chunk].bytes.removeSubrange(offset..<end)
      chunks[chunk].newlines -= removedNewlines
      byteIndex.add(-(end - offset), at: chunk)
      newlineIndex.add(-removedNewlines, at: chunk)
      newlineCount -= removedNewlines
      byteCount -= end - offset
      remaining -= end - offset
      emptied = emptied || chunks[chunk].bytes.isEmpty
      chunk += 1
      offset = 0
    }
    if emptied && chunks.count > 1 {
      chunks.removeAll { $0.bytes.isEmpty }
      if chunks.isEmpty { chunks = [Chunk([])] }
      (byteIndex, newlineIndex) = Self.index(chunks)
    }
  }
}

extension TextStorage: Equatable {
  /// Equal when the texts are equal, however they happen to be chunked.
  public static func == (a: TextStorage, b: TextStorage) -> Bool {
    a.byteCount == b.byteCount && a.bytes(in: 0..<a.byteCount) == b.bytes(in: 0..<b.byteCount)
  }
}
