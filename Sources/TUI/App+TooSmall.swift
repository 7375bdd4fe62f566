/// What a terminal below the minimum size shows instead of the panes: the size it has and the
/// size it needs, wrapped to fit (however narrow), then how to quit if a row is left.
extension App {
  static func tooSmallLines(width: Int, height: Int) -> [(text: String, isHint: Bool)] {
    guard width > 0 && height > 0 else { return [] }
    let need = "\(minimumSize.width)×\(minimumSize.height)"
    let message = "Terminal too small (\(width)×\(height)); need \(need)."
    var lines = WordWrap.lines(message, width: width).map { (text: $0, isHint: false) }
    if lines.count > height {
      // Too short for the sentence: the two sizes alone, as far as they fit.
      lines = WordWrap.lines("\(width)×\(height) < \(need)", width: width).map { (text: $0, isHint: false) }
    }
    lines += WordWrap.lines("Ctrl-Q quits.", width: width).map { (text: $0, isHint: true) }
    return Array(lines.prefix(height))
  }
}
