import Editor

/// The style of each kind of Python token (xterm-256 colours, mapped down by the backend).
public struct HighlightTheme: Sendable {
  public var styles: [TokenKind: Style]

  public init(styles: [TokenKind: Style]) {
    self.styles = styles
  }

  /// The style a token of `kind` is drawn in; plain text for kinds the theme leaves out.
  public func style(for kind: TokenKind) -> Style { styles[kind] ?? .plain }

  public static let standard = HighlightTheme(styles: [
    .keyword: Style(foreground: .indexed(170), bold: true),
    .softKeyword: Style(foreground: .indexed(170), bold: true),
    .constant: Style(foreground: .indexed(209)),
    .builtin: Style(foreground: .indexed(80)),
    .decorator: Style(foreground: .indexed(179)),
    .functionName: Style(foreground: .indexed(75), bold: true),
    .className: Style(foreground: .indexed(221), bold: true),
    .number: Style(foreground: .indexed(209)),
    .string: Style(foreground: .indexed(114)),
    .escape: Style(foreground: .indexed(215), bold: true),
    .interpolation: Style(foreground: .indexed(215)),
    .comment: Style(foreground: .indexed(244), italic: true),
    .operator: Style(foreground: .indexed(117)),
  ])
}
