import Execution

/// An analysis as a person reads it in a terminal: the answer first, then the per-function table,
/// the hot lines, the measurement and the explanation.
enum AnalysisReport {
  static func text(_ result: AnalysisResult) -> String {
    var lines = [
      "time \(result.time)   space \(result.space)   confidence \(result.confidence.rawValue)"
        + "   (\(result.sources.joined(separator: " + ")))"
    ]
    if !result.functions.isEmpty {
      lines.append("")
      let rows =
        [["function", "line", "time", "space", "paths", "why"]]
        + result.functions.map {
          [$0.name, String($0.line), $0.time, $0.space, String($0.cyclomatic), $0.reason]
        }
      lines += table(rows)
    }
    if !result.hotspots.isEmpty {
      lines.append("")
      lines.append("hot lines")
      lines += table(result.hotspots.map { ["  line \($0.line)", $0.cost, $0.why] })
    }
    if let measured = result.empirical {
      lines.append("")
      lines.append("measured \(measured.function)(): fits \(measured.fit), r² \(measured.r2)")
      var rows = [["  n", "seconds", "peak KB"]]
      for (index, size) in measured.sizes.enumerated() {
        let peak = index < measured.peakKilobytes.count ? measured.peakKilobytes[index].map(String.init) : nil
        rows.append(["  \(size)", String(measured.seconds[index]), peak ?? "-"])
      }
      lines += table(rows)
    }
    lines.append("")
    lines.append(result.explanation)
    return lines.joined(separator: "\n") + "\n"
  }

  /// Columns padded to their widest cell; the last column is left ragged.
  static func table(_ rows: [[String]]) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ")
    }
  }
}
