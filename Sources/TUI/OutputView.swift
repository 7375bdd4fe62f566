import Editor

/// What the output pane shows, row by row: the log's lines (wrapped to the pane's width, or one
/// row each) with the "earlier output dropped" mark after the first line once lines have gone.
/// Pure layout over an `OutputLog`; only the lines on screen are laid out, however long the log.
struct OutputView {
  /// One thing the pane shows: a line (by its stable id) or the dropped mark.
  enum Item: Hashable {
    case line(Int)
    case dropped
  }

  /// The top row on screen: an item and which of its wrapped rows.
  struct Position: Hashable {
    var item: Item
    var row: Int
  }

  let log: OutputLog
  let width: Int
  let wrap: Bool
  let interpretSGR: Bool

  var first: Item? { log.lines.isEmpty ? nil : .line(0) }

  var last: Item? {
    guard !log.lines.isEmpty else { return nil }
    return .line(log.id(ofLineAt: log.lines.count - 1))
  }

  func next(_ item: Item) -> Item? {
    switch item {
    case .dropped: return log.lines.count > 1 ? .line(log.id(ofLineAt: 1)) : nil
    case .line(let id):
      guard let index = log.index(ofLine: id) else { return nil }
      if index == 0 && log.droppedLines > 0 { return .dropped }
      return index + 1 < log.lines.count ? .line(log.id(ofLineAt: index + 1)) : nil
    }
  }

  func previous(_ item: Item) -> Item? {
    switch item {
    case .dropped: return .line(0)
    case .line(let id):
      guard let index = log.index(ofLine: id), index > 0 else { return nil }
      if index == 1 && log.droppedLines > 0 { return .dropped }
      return .line(log.id(ofLineAt: index - 1))
    }
  }

  /// A position that still exists: a dropped line's place goes to the mark.
  func valid(_ position: Position) -> Position? {
    guard first != nil else { return nil }
    switch position.item {
    case .dropped where log.droppedLines > 0: return Position(item: .dropped, row: 0)
    case .line(let id) where log.index(ofLine: id) != nil:
      return Position(item: position.item, row: min(position.row, rowCount(of: position.item) - 1))
    default:
      return Position(item: log.droppedLines > 0 ? .dropped : .line(0), row: 0)
    }
  }

  func line(_ id: Int) -> OutputLog.Line? { log.index(ofLine: id).map { log.lines[$0] } }

  /// How many rows an item takes at this width.
  func rowCount(of item: Item) -> Int {
    guard wrap, width > 0 else { return 1 }
    // Plain ASCII is one column a byte: no need to lay it out to count its rows.
    if case .line(let id) = item, let line = line(id), !line.clipped, line.isPlain,
      line.bytes.allSatisfy({ $0 < 0x80 })
    {
      return max(1, (line.bytes.count + width - 1) / width)
    }
    return max(1, cells(of: item).rows(width: width).count)
  }

  /// Moves `position` by `delta` rows (negative: up), stopping at either end.
  func move(_ position: Position, by delta: Int) -> Position {
    var position = position
    var remaining = abs(delta)
    while remaining > 0 {
      if delta < 0 {
        if position.row > 0 {
          let step = min(remaining, position.row)
          position.row -= step
          remaining -= step
        } else if let previous = previous(position.item) {
          position = Position(item: previous, row: rowCount(of: previous) - 1)
          remaining -= 1
        } else {
          break
        }
      } else {
        let rows = rowCount(of: position.item)
        if position.row + 1 < rows {
          let step = min(remaining, rows - 1 - position.row)
          position.row += step
          remaining -= step
        } else if let next = next(position.item) {
          position = Position(item: next, row: 0)
          remaining -= 1
        } else {
          break
        }
      }
    }
    return position
  }

  /// The top position when the end of the output sits on the last of `height` rows (or the very
  /// top, when everything fits).
  func bottomTop(height: Int) -> Position? {
    guard let last else { return nil }
    let end = Position(item: last, row: rowCount(of: last) - 1)
    return move(end, by: -(max(1, height) - 1))
  }

  /// Whether the rows from `top` to the end of the output fit in `height` rows.
  func reachesEnd(from top: Position, height: Int) -> Bool {
    var rows = rowCount(of: top.item) - top.row
    var item = top.item
    while rows <= height, let next = next(item) {
      item = next
      rows += rowCount(of: item)
    }
    return rows <= height
  }

  /// The item's characters with their widths and styles, before breaking into rows.
  func cells(of item: Item) -> OutputCells {
    switch item {
    case .dropped:
      let count = log.droppedLines
      return OutputCells(
        mark: "⋯ \(count) earlier \(count == 1 ? "line" : "lines") dropped (the pane keeps \(log.maxLines)) ⋯"
      )
    case .line(let id):
      guard let line = line(id) else { return OutputCells(mark: "") }
      return OutputCells(line: line, interpretSGR: interpretSGR)
    }
  }
}

/// A line laid out as cells: what each character is, how wide, and in which style it was printed.
struct OutputCells {
  struct Cell {
    var character: Character
    var width: Int
    var style: Style
    var inert: Bool
  }

  var cells: [Cell] = []
  /// A line kept only in part (longer than the log keeps): a marker follows it.
  var clipped = false
  /// The dropped mark, drawn in the hint style.
  var isMark = false
  var stream = OutputLog.Stream.stdout

  init(line: OutputLog.Line, interpretSGR: Bool) {
    stream = line.stream
    clipped = line.clipped
    if line.isPlain {
      for character in String(decoding: line.bytes, as: UTF8.self) {
        cells.append(
          Cell(character: character, width: DisplayWidth.of(character), style: line.startStyle, inert: false))
      }
    } else {
      for run in line.interpreted(interpretSGR: interpretSGR).runs {
        for character in run.text {
          cells.append(
            Cell(character: character, width: DisplayWidth.of(character), style: run.style, inert: run.inert))
        }
      }
    }
    if clipped {
      for character in " [… line cut: longer than the pane keeps]" {
        cells.append(Cell(character: character, width: 1, style: .plain, inert: true))
      }
    }
  }

  init(mark: String) {
    isMark = true
    cells = mark.map { Cell(character: $0, width: DisplayWidth.of($0), style: .plain, inert: false) }
  }

  /// The plain text of the cells (what find searches).
  var text: String { String(cells.map(\.character)) }

  /// Where each wrapped row starts (cell indices), breaking where the next character would not fit.
  func rows(width: Int) -> [Range<Int>] {
    guard width > 0, !cells.isEmpty else { return [0..<cells.count] }
    var rows: [Range<Int>] = []
    var start = 0
    var used = 0
    for (index, cell) in cells.enumerated() {
      if used + cell.width > width && index > start {
        rows.append(start..<index)
        start = index
        used = 0
      }
      used += cell.width
    }
    rows.append(start..<cells.count)
    return rows
  }
}
