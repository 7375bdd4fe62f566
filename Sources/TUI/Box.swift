/// The frame an overlay is drawn in: a line box in the prompt's colours, a title on its top edge
/// and a footer on its bottom one.
enum Box {
  static func draw(_ rect: Rect, title: String, footer: String, theme: Theme, into grid: inout Grid) {
    grid.fill(rect, style: theme.prompt)
    let horizontal = String(repeating: "─", count: rect.width - 2)
    grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: theme.prompt)
    grid.put(title, x: rect.x + 2, y: rect.y, style: theme.paneTitleFocused, maxX: rect.maxX - 1)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      grid.put("│", x: rect.x, y: y, style: theme.prompt)
      grid.put("│", x: rect.maxX - 1, y: y, style: theme.prompt)
    }
    grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: theme.prompt)
    grid.put(footer, x: rect.x + 2, y: rect.maxY - 1, style: theme.prompt, maxX: rect.maxX - 1)
  }
}
