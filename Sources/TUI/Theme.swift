/// The styles every part of the screen draws with, by role.
public struct Theme: Sendable {
  public var text: Style
  public var gutter: Style
  public var currentLineNumber: Style
  public var paneTitle: Style
  public var paneTitleFocused: Style
  public var border: Style
  public var statusBar: Style
  public var statusOK: Style
  public var statusError: Style
  public var statusRunning: Style
  public var stderr: Style
  public var inert: Style
  public var hint: Style
  /// Editor: selected text, search matches, the bracket pair at the cursor, the prompt row.
  public var selection = Style(foreground: .indexed(231), background: .indexed(25))
  public var searchMatch = Style(foreground: .indexed(16), background: .indexed(179))
  public var matchingBracket = Style(foreground: .indexed(231), background: .indexed(240), bold: true)
  public var prompt = Style(foreground: .indexed(252), background: .indexed(236))
  /// Colours for the Python lexer's token kinds.
  public var highlight = HighlightTheme.standard

  public static let standard = Theme(
    text: .plain,
    gutter: Style(foreground: .indexed(244)),
    currentLineNumber: Style(foreground: .indexed(250), bold: true),
    paneTitle: Style(foreground: .indexed(250), background: .indexed(237)),
    paneTitleFocused: Style(foreground: .indexed(231), background: .indexed(24), bold: true),
    border: Style(foreground: .indexed(240)),
    statusBar: Style(foreground: .indexed(252), background: .indexed(236)),
    statusOK: Style(foreground: .indexed(114), background: .indexed(236), bold: true),
    statusError: Style(foreground: .indexed(203), background: .indexed(236), bold: true),
    statusRunning: Style(foreground: .indexed(221), background: .indexed(236), bold: true),
    stderr: Style(foreground: .indexed(203)),
    inert: Style(foreground: .indexed(244), reverse: false, dim: true),
    hint: Style(foreground: .indexed(244), italic: true)
  )
}
