import Editor
import Testing

/// Text with the cursor and selection written into it, for editing tests that read like the screen:
/// `|` is the cursor (the selection's head) and `«` the anchor of a selection, so "de|f" is a cursor
/// between e and f, and "«de|f" has "de" selected with the cursor after it.
enum MarkedText {
  static let head: Character = "|"
  static let anchor: Character = "«"

  /// An editor holding the marked text, with its selection.
  static func state(_ marked: String, settings: EditorSettings = EditorSettings()) -> EditorState {
    var text = ""
    var headOffset: Int?
    var anchorOffset: Int?
    for character in marked {
      if character == head {
        headOffset = text.utf8.count
      } else if character == anchor {
        anchorOffset = text.utf8.count
      } else {
        text.append(character)
      }
    }
    var state = EditorState(text: text, settings: settings)
    let cursor = headOffset ?? text.utf8.count
    state.select(Selection(anchor: anchorOffset ?? cursor, head: cursor))
    return state
  }

  /// The state's text with its selection marked.
  static func render(_ state: EditorState) -> String {
    var bytes = Array(state.text.utf8)
    let selection = state.selection
    let marks: [(Int, Character)] =
      selection.isEmpty ? [(selection.head, head)] : [(selection.anchor, anchor), (selection.head, head)]
    for (offset, mark) in marks.sorted(by: { $0.0 > $1.0 }) {
      bytes.insert(contentsOf: Array(String(mark).utf8), at: offset)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Applies commands to the marked text and checks the marked result.
  static func check(
    _ before: String, _ commands: [EditorCommand], _ after: String,
    settings: EditorSettings = EditorSettings(autoClose: false),
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var state = state(before, settings: settings)
    for command in commands { state.apply(command) }
    #expect(render(state) == after, sourceLocation: sourceLocation)
  }
}
