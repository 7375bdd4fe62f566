import Editor

/// Breaks prose into lines that fit a width (in columns), at spaces where it can.
public enum WordWrap {
  public static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ") {
        var rest = Substring(word)
        while !rest.isEmpty {
          let needed = DisplayWidth.of(rest) + (line.isEmpty ? 0 : 1)
          if lineWidth + needed <= width {
            line += (line.isEmpty ? "" : " ") + rest
            lineWidth += needed
            rest = ""
          } else if line.isEmpty {
            // A word longer than the line: break it where it stops fitting.
            var piece = ""
            var pieceWidth = 0
            for character in rest {
              let w = DisplayWidth.of(character)
              if pieceWidth + w > width { break }
              piece.append(character)
              pieceWidth += w
            }
            if piece.isEmpty { piece = String(rest.first!) }
            lines.append(piece)
            rest = rest.dropFirst(piece.count)
          } else {
            lines.append(line)
            line = ""
            lineWidth = 0
          }
        }
      }
      lines.append(line)
    }
    return lines
  }
}
