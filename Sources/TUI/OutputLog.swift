/// A program's output as lines, stdout and stderr interleaved in arrival order. Bounded: past
/// `maxLines` the oldest lines go — all but the run's first, which stays above a mark saying how
/// many were dropped — and very long lines keep only their start.
public struct OutputLog: Sendable {
  public enum Stream: Sendable { case stdout, stderr }

  public struct Line: Sendable {
    public var stream: Stream
    public var bytes: [UInt8]
    public var open: Bool
    public var clipped = false
    /// The SGR pen when the line began (colours carry across lines, as on a terminal).
    var startStyle = Style.plain

    /// Whether the line holds anything a terminal would interpret (controls, escapes, tabs).
    var isPlain: Bool { !bytes.contains { $0 < 0x20 || $0 == 0x7F } }

    /// The line as a terminal would show it, with SGR colours (or their raw codes, with
    /// `interpretSGR` false) and carriage returns applied.
    func interpreted(interpretSGR: Bool = true) -> TerminalLine {
      TerminalLine(bytes, style: startStyle, interpretSGR: interpretSGR)
    }

    /// The line as plain text: invalid UTF-8 shows as U+FFFD, a carriage return overwrites from
    /// the start (a progress bar's last state), colours are gone and other controls show inert.
    public var text: String {
      isPlain ? String(decoding: bytes, as: UTF8.self) : interpreted().text
    }
  }

  public private(set) var lines: OutputLines
  /// Lines dropped after the first one.
  public private(set) var droppedLines = 0
  public let maxLines: Int
  public let maxLineBytes: Int
  /// The pen each stream's next line starts with.
  private var pens: [Style] = [.plain, .plain]

  public init(maxLines: Int = 20_000, maxLineBytes: Int = 16_384) {
    self.maxLines = max(2, maxLines)
    self.maxLineBytes = maxLineBytes
    lines = OutputLines(capacity: self.maxLines)
  }

  public mutating func clear() {
    lines.removeAll()
    droppedLines = 0
    pens = [.plain, .plain]
  }

  /// A stable number for the line at `index`, unchanged as older lines are dropped.
  public func id(ofLineAt index: Int) -> Int { index == 0 ? 0 : index + droppedLines }

  /// Where the line numbered `id` is now, or nil when it was dropped.
  public func index(ofLine id: Int) -> Int? {
    if id == 0 { return lines.isEmpty ? nil : 0 }
    let index = id - droppedLines
    return index >= 1 && index < lines.count ? index : nil
  }

  public mutating func append(_ bytes: [UInt8], from stream: Stream) {
    var rest = bytes[...]
    while !rest.isEmpty {
      let newline = rest.firstIndex(of: 0x0A)
      let piece = rest[..<(newline ?? rest.endIndex)]
      if let last = lines.indices.last, lines[last].open, lines[last].stream == stream {
        extend(last, with: piece)
      } else {
        var line = Line(stream: stream, bytes: [], open: true)
        line.startStyle = pens[stream.index]
        // The first line stays when the oldest go: it often says what the run is (a header, the
        // first error).
        if lines.append(line) { droppedLines += 1 }
        extend(lines.count - 1, with: piece)
      }
      if let newline {
        close(lines.count - 1)
        rest = rest[(newline + 1)...]
      } else {
        rest = []
      }
    }
  }

  /// Takes `bytes` as `append` would when at least `maxLines` more lines are known to follow: every
  /// line they make would be dropped before it could be seen, so they are only counted. What
  /// follows the last newline (the start of a line that may be seen) is appended. Falls back to
  /// `append` while the first line is not settled or when colours would carry over.
  public mutating func skip(_ bytes: [UInt8], from stream: Stream) {
    guard lines.count >= 2, !lines[0].open, let lastNewline = bytes.lastIndex(of: 0x0A),
      !bytes.contains(0x1B)
    else {
      append(bytes, from: stream)
      return
    }
    let last = lines.count - 1
    let continuing = lines[last].open && lines[last].stream == stream
    var newlines = 0
    for byte in bytes[...lastNewline] where byte == 0x0A { newlines += 1 }
    // Each newline ends a line; the first one ends the open line when it continues it.
    droppedLines += newlines - (continuing ? 1 : 0)
    if continuing { lines[last].open = false }
    append(Array(bytes[(lastNewline + 1)...]), from: stream)
  }

  /// Adds to an open line. A line over `maxLineBytes` keeps its start, unless it rewrites itself
  /// with carriage returns (a progress bar): then it keeps its latest state.
  private mutating func extend(_ index: Int, with piece: ArraySlice<UInt8>) {
    let room = maxLineBytes - lines[index].bytes.count
    if piece.count <= room {
      lines[index].bytes += piece
      return
    }
    if let cr = piece.lastIndex(of: 0x0D) {
      // Everything before the last carriage return is overwritten by what follows it, as far as
      // that reaches; keeping from there loses only a longer earlier state's tail.
      let overwritten = lines[index].bytes + piece[..<cr]
      if overwritten.contains(0x1B) {
        lines[index].startStyle = TerminalLine(overwritten, style: lines[index].startStyle).endStyle
      }
      lines[index].bytes = Array(piece[cr...].prefix(maxLineBytes))
      lines[index].clipped = piece.endIndex - cr > maxLineBytes
      return
    }
    lines[index].clipped = true
    lines[index].bytes += piece.prefix(max(0, room))
  }

  private mutating func close(_ index: Int) {
    lines[index].open = false
    if lines[index].bytes.contains(0x1B) {
      pens[lines[index].stream.index] = lines[index].interpreted().endStyle
    }
  }
}

extension OutputLog.Stream {
  fileprivate var index: Int { self == .stdout ? 0 : 1 }
}
