import Editor

/// One screen position: a grapheme cluster, how many columns it covers, and its style.
/// A wide character is followed by a continuation cell of width 0. Plain data, cheap to copy.
public struct Cell: Hashable, Sendable {
  var grapheme: Grapheme
  public var width: Int
  public var style: Style

  public init(text: String = " ", width: Int = 1, style: Style = .plain) {
    self.init(grapheme: Grapheme(text), width: width, style: style)
  }

  init(grapheme: Grapheme, width: Int, style: Style) {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  /// The grapheme cluster drawn here ("" for the right half of a wide character).
  public var text: String { grapheme.string }

  static func continuation(_ style: Style) -> Cell { Cell(grapheme: .empty, width: 0, style: style) }
  static func blank(_ style: Style) -> Cell { Cell(grapheme: .space, width: 1, style: style) }
}

/// A rectangle on the screen, in cells.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }

  public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

/// The whole screen as cells. Everything renders here; a backend copies it to the terminal.
public struct Grid: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(), count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  public func row(_ y: Int) -> ArraySlice<Cell> { cells[(y * width)..<((y + 1) * width)] }

  /// Fills a rectangle with blanks of one style.
  public mutating func fill(_ rect: Rect, style: Style) {
    for y in max(0, rect.y)..<min(height, rect.maxY) {
      for x in max(0, rect.x)..<min(width, rect.maxX) {
        cells[y * width + x] = .blank(style)
      }
    }
  }

  /// Writes text from (x, y), clipped at `maxX` (the grid's width by default); returns the column
  /// after the last cell written. A wide character that would straddle the edge is replaced by a
  /// blank, so nothing ever overflows its pane. Control characters should be made visible first.
  @discardableResult
  @_specialize(exported:true,where S == String)
  @_specialize(exported:true,where S == Substring)
  public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, style: Style, maxX: Int? = nil)
    -> Int
  {
    let limit = min(maxX ?? width, width)
    guard y >= 0 && y < height else { return x }
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return putASCII(text.utf8, x: x, y: y, style: style, limit: limit)
    }
    var column = x
    for character in text {
      let w = DisplayWidth.of(character)
      guard put(character, width: w, x: column, y: y, style: style, maxX: limit, runStart: x) else { break }
      column += w
    }
    return column
  }

  /// Writes one grapheme cluster whose width the caller has already measured (`DisplayWidth`), so
  /// a renderer that measures as it lays out does not pay for it twice. Returns false when it did
  /// not fit before `maxX` (a wide one at the edge leaves a blank): nothing after it fits either.
  /// A zero-width cluster (a lone combining mark, a zero-width space) joins the cell before it when
  /// that cell belongs to the same run, written from `runStart` on; otherwise it is dropped.
  @discardableResult
  mutating func put(
    _ character: Character, width w: Int, x column: Int, y: Int, style: Style, maxX: Int, runStart: Int
  ) -> Bool {
    guard y >= 0 && y < height else { return true }
    let limit = min(maxX, width)
    if w == 0 {
      if column > 0 && column <= limit && column - 1 >= runStart {
        var target = column - 1
        while target > 0 && cells[y * width + target].width == 0 { target -= 1 }
        cells[y * width + target].grapheme = Grapheme(cells[y * width + target].text + String(character))
      }
      return true
    }
    if column + w > limit {
      if column < limit { set(.blank(style), x: column, y: y) }
      return false
    }
    if column >= 0 {
      set(Cell(grapheme: Grapheme(character), width: w, style: style), x: column, y: y)
      if w == 2 { set(.continuation(style), x: column + 1, y: y) }
    }
    return true
  }

  /// ASCII text is one cell per byte: no grapheme breaking, no width lookup. Most code is ASCII.
  private mutating func putASCII(_ bytes: some Sequence<UInt8>, x: Int, y: Int, style: Style, limit: Int)
    -> Int
  {
    var column = x
    for byte in bytes {
      if column >= limit { break }
      if column >= 0 { set(Cell(grapheme: Grapheme(ascii: byte), width: 1, style: style), x: column, y: y) }
      column += 1
    }
    return column
  }

  private mutating func set(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0 && x < width else { return }
    // Overwriting half of a wide character blanks the other half.
    let old = cells[y * width + x]
    if old.width == 0 && x > 0 && cells[y * width + x - 1].width == 2 {
      cells[y * width + x - 1] = .blank(cells[y * width + x - 1].style)
    }
    if old.width == 2 && x + 1 < width && cell.width != 2 {
      cells[y * width + x + 1] = .blank(old.style)
    }
    cells[y * width + x] = cell
  }

  /// The grid as plain text, one line per row, trailing blanks trimmed (for snapshots and tests).
  public var text: String {
    (0..<height).map { y in
      var line = row(y).map(\.text).joined()
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}
