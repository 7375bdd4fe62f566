/// A theme brought down to what a terminal can show. Themes are written for 256 or 24-bit colour;
/// on an 8-colour terminal, two different colours may become the same one (`236` and `16` are
/// both black there), and without colour every background is gone. `adapted(to:)` makes sure no
/// role ends with its text the colour of its background, and that what colour marked (the
/// selection, search matches, title and status bars) stays visible through reverse video.
extension Theme {
  public func adapted(to mode: ColorMode) -> Theme {
    var theme = self
    if mode == .none && text.background != .default {
      // The theme's own background is the screen's; only a background that differs from it marks.
      for role in ThemeFile.roles.values where theme[keyPath: role].background == text.background {
        theme[keyPath: role].background = .default
      }
      for (kind, style) in highlight.styles where style.background == text.background {
        theme.highlight.styles[kind]?.background = .default
      }
    }
    for role in ThemeFile.roles.values { theme[keyPath: role] = mode.adapted(theme[keyPath: role]) }
    for (kind, style) in theme.highlight.styles { theme.highlight.styles[kind] = mode.adapted(style) }
    if mode == .none {
      // Both are reverse video now; underline tells a match from the selection.
      theme.searchMatch.underline = true
      theme.matchingBracket.underline = true
    }
    return theme
  }
}

extension ColorMode {
  /// `style` with colours this mode has, and text never the colour of its background.
  func adapted(_ style: Style) -> Style {
    var style = style
    guard self != .none else {
      // A background was what set this apart: reverse video does that without colour.
      if style.background != .default { style.reverse.toggle() }
      style.foreground = .default
      style.background = .default
      return style
    }
    if self == .ansi8, style.background == .default, style.foreground != .default,
      terminalColor(style.foreground) == 0, Self.lightness(of: style.foreground) >= 64
    {
      // A mid grey (borders, hints) would be black among eight, unseen on a dark terminal: it is
      // dim white instead.
      style.foreground = .ansi(7)
      style.dim = true
    }
    style.foreground = representable(style.foreground)
    style.background = representable(style.background)
    // The terminal's own text colour is unknown (it may be the very colour of this background), so
    // a role with a background also gets a foreground that reads on it.
    if style.background != .default,
      style.foreground == .default || terminalColor(style.foreground) == terminalColor(style.background)
    {
      style.foreground = contrasting(style.background)
    }
    return style
  }

  /// The colour the terminal will show for `color`, as a theme colour.
  func representable(_ color: Color) -> Color {
    guard color != .default else { return .default }
    switch self {
    case .none: return .default
    case .ansi8, .ansi16: return .ansi(UInt8(terminalColor(color)))
    case .indexed256:
      if case .ansi = color { return color }
      return .indexed(UInt8(terminalColor(color)))
    case .truecolor: return color
    }
  }

  static func lightness(of color: Color) -> Int {
    let (r, g, b) = rgb(of: color)
    return (Int(max(r, g, b)) + Int(min(r, g, b))) / 2
  }

  /// Black or white, whichever reads on `background`.
  func contrasting(_ background: Color) -> Color {
    let (r, g, b) = Self.rgb(of: representable(background))
    let light = 299 * Int(r) + 587 * Int(g) + 114 * Int(b) > 128_000
    switch self {
    case .none: return .default
    case .ansi8: return .ansi(light ? 0 : 7)
    case .ansi16: return .ansi(light ? 0 : 15)
    case .indexed256: return .indexed(light ? 16 : 231)
    case .truecolor: return light ? .rgb(0, 0, 0) : .rgb(255, 255, 255)
    }
  }
}
