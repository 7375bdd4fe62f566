/// A program's output as lines, stdout and stderr interleaved in arrival order. Bounded: the
/// oldest lines go first, and very long lines keep only their start.
public struct OutputLog: Sendable {
  public enum Stream: Sendable { case stdout, stderr }

  public struct Line: Sendable {
    public var stream: Stream
    public var bytes: [UInt8]
    public var open: Bool
    public var clipped = false

    /// The line as text: invalid UTF-8 shows as U+FFFD, and a carriage return starts the line anew
    /// (what a progress bar means by it).
    public var text: String {
      var content = bytes[...]
      if content.last == 0x0D { content = content.dropLast() }
      if let cr = content.lastIndex(of: 0x0D) { content = content[(cr + 1)...] }
      return String(decoding: content, as: UTF8.self)
    }
  }

  public private(set) var lines: [Line] = []
  public private(set) var droppedLines = 0
  public let maxLines: Int
  public let maxLineBytes: Int

  public init(maxLines: Int = 20_000, maxLineBytes: Int = 16_384) {
    self.maxLines = maxLines
    self.maxLineBytes = maxLineBytes
  }

  public mutating func clear() {
    lines = []
    droppedLines = 0
  }

  public mutating func append(_ bytes: [UInt8], from stream: Stream) {
    var rest = bytes[...]
    while !rest.isEmpty {
      let newline = rest.firstIndex(of: 0x0A)
      let piece = rest[..<(newline ?? rest.endIndex)]
      if let last = lines.indices.last, lines[last].open, lines[last].stream == stream {
        let room = maxLineBytes - lines[last].bytes.count
        if piece.count > room { lines[last].clipped = true }
        lines[last].bytes += piece.prefix(max(0, room))
      } else {
        lines.append(Line(stream: stream, bytes: Array(piece.prefix(maxLineBytes)), open: true))
        lines[lines.count - 1].clipped = piece.count > maxLineBytes
      }
      if let newline {
        lines[lines.count - 1].open = false
        rest = rest[(newline + 1)...]
      } else {
        rest = []
      }
    }
    if lines.count > maxLines {
      let excess = lines.count - maxLines
      lines.removeFirst(excess)
      droppedLines += excess
    }
  }
}
