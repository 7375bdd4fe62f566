import Editor
import FoundationEssentials

/// The code editor: line numbers, highlighted text, the selection, and a cursor kept in view. Its
/// bottom row doubles as the prompt for find, replace and go to line, so the app needs no part in
/// them. Split by job: which command a key is (`EditorPane+Keys`, from the `Keymap`), the prompts
/// and the search (`EditorPane+Prompt`, `EditorPane+Search`), saving (`EditorPane+Save`) and the
/// view (`EditorPane+View`).
public struct EditorPane {
  public var state: EditorState
  public var fileName: String
  /// The file Ctrl-S saves to; nil until one is known, when Ctrl-S asks for a name.
  public var document: DocumentFile?
  /// Where cut and copy also go, and paste also reads from; only the register until the app
  /// picks the system's (`Clipboard.detect`).
  public var clipboard = Clipboard.internal
  var topLine = 0
  var leftColumn = 0
  var theme: Theme = .standard
  /// Signs in the gutter's last column by 0-based line (the analysis's hot lines).
  public var gutterMarks: [Int: GutterMark] = [:]
  /// Which command each key is, here and in the prompts (the app hands in the user's).
  var keymap = Keymap.standard
  /// When edits happen (monotonic), which decides how typing groups into undo steps. Tests
  /// replace it with a fake clock.
  var clock: () -> Duration = EditorPane.monotonicNow
  /// The open prompt on the bottom row, if any (EditorPane+Prompt.swift).
  var prompt: EditorPrompt?
  /// The last search, for F3 / Ctrl-N / Ctrl-P after its prompt closed.
  var lastSearch: SearchQuery?
  /// A note for the bottom row ("no matches", "replaced 3") that lasts until the next key.
  var message: String?
  /// Lines of text on screen at the last layout: how far Page Up and Page Down go.
  var pageHeight = 20
  /// The matches drawn while a search prompt is open, for the text version they were found in.
  var matchCache: (version: Int, query: SearchQuery, ranges: [Range<Int>])?

  public init(state: EditorState, fileName: String) {
    self.state = state
    self.fileName = fileName
  }

  /// Shows a note on the bottom row until the next key.
  public mutating func note(_ text: String) { message = text }

  /// Whether the text differs from what was loaded or saved (undoing back to it is unmodified).
  public var isModified: Bool { !state.isAtSavedText }

  /// Loads a file (a missing one is an empty new file) into the editor.
  public mutating func open(path: String) throws(DocumentFile.Failure) {
    let (document, text) = try DocumentFile.open(path)
    state = EditorState(text: text, settings: state.settings)
    self.document = document
    fileName = DocumentFile.fileName(of: path)
    if document.isReadOnly {
      message = "\(path) is read-only: \(keymap.hintKeys("save", limit: 1) ?? "saving") asks for another name"
    }
  }

  private static let start = ContinuousClock.now
  static func monotonicNow() -> Duration { ContinuousClock.now - start }

  // MARK: Input

  public mutating func handle(_ event: InputEvent) -> EventResult {
    switch event {
    case .key(let key):
      message = nil
      if prompt != nil {
        handlePromptKey(key)
        return .handled
      }
      return handleEditorKey(key) ? .handled : .ignored
    case .paste(let text):
      if var current = prompt {
        current.type(String(text.prefix { $0 != "\n" && $0 != "\r\n" }))
        prompt = current
        if current.isSearch { findIncrementally() }
      } else {
        state.apply(.paste(text), at: clock())
      }
      return .handled
    case .resize, .mouse:
      return .ignored
    }
  }

  /// A click at a cell of this pane (relative to its top-left corner) puts the cursor there.
  public mutating func click(column: Int, row: Int) {
    guard prompt == nil, row >= 0, row < max(1, pageHeight + 1) else { return }
    let textColumn = leftColumn + max(0, column - gutterWidth())
    state.apply(.move(.screenPosition(line: topLine + row, column: textColumn)), at: clock())
  }

  /// The wheel moves the cursor (and the view with it) three lines.
  public mutating func wheel(down: Bool) {
    let movement: Movement = down ? .down : .up
    for _ in 0..<3 { state.apply(.move(movement), at: clock()) }
  }
}
