/// Switching the theme at run time: the executable offers the themes there are (and how to load
/// one for this terminal), each becomes a palette command `theme-NAME`.
extension App {
  public func offerThemes(_ names: [String], load: @escaping (String) throws -> Theme) {
    themeLoader = load
    var map = keymap
    for name in names {
      map.add(KeyCommand(CommandName("theme-" + name), "switch to the \(name) theme", .global))
    }
    keymap = map
  }

  func performThemeCommand(_ name: CommandName) {
    guard name.rawValue.hasPrefix("theme-"), let load = themeLoader else { return }
    let theme = String(name.rawValue.dropFirst("theme-".count))
    do {
      self.theme = try load(theme)
      editor.note("theme: \(theme)")
    } catch {
      editor.note("cannot switch to the \(theme) theme: \(error)")
    }
  }
}
