@testable import TUI

/// A rendered region as text plus a map of its styles: one letter per cell (`.` for the most
/// common style), then which style each letter is. Makes colour visible in a text snapshot.
enum StyleMap {
  static func of(_ grid: Grid, in rect: Rect) -> String {
    var letters: [Style: Character] = [:]
    var order: [Style] = []
    var counts: [Style: Int] = [:]
    for y in rect.y..<rect.maxY {
      for x in rect.x..<rect.maxX { counts[grid[x, y].style, default: 0] += 1 }
    }
    let common = counts.max { $0.value < $1.value || ($0.value == $1.value && "\($0.key)" > "\($1.key)") }?
      .key
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var rows: [String] = []
    for y in rect.y..<rect.maxY {
      var row = ""
      for x in rect.x..<rect.maxX {
        let style = grid[x, y].style
        if style == common {
          row.append(".")
          continue
        }
        if letters[style] == nil {
          letters[style] = alphabet[min(order.count, alphabet.count - 1)]
          order.append(style)
        }
        row.append(letters[style]!)
      }
      while row.last == "." { row.removeLast() }
      rows.append(row)
    }
    let legend = order.map { "\(letters[$0]!) = \(describe($0))" }
    return (rows + ["--"] + legend).joined(separator: "\n")
  }

  static func describe(_ style: Style) -> String {
    var parts: [String] = []
    if style.foreground != .default { parts.append("fg \(style.foreground)") }
    if style.background != .default { parts.append("bg \(style.background)") }
    for (on, name) in [
      (style.bold, "bold"), (style.dim, "dim"), (style.italic, "italic"), (style.underline, "underline"),
      (style.reverse, "reverse"),
    ] where on {
      parts.append(name)
    }
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }
}
