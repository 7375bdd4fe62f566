/// Text with the cursor and selection written into it, the notation editing tests are written in
/// (and handy when debugging): `|` is the cursor (the selection's head) and `«` the anchor of a
/// selection, so "de|f" is a cursor between e and f, and "«de|f" has "de" selected with the cursor
/// after it.
public enum MarkedText {
  public static let head: Character = "|"
  public static let anchor: Character = "«"

  /// An editor holding the marked text, with its selection.
  public static func state(_ marked: String, settings: EditorSettings = EditorSettings()) -> EditorState {
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
  public static func render(_ state: EditorState) -> String {
    var bytes = Array(state.text.utf8)
    let selection = state.selection
    let marks: [(Int, Character)] =
      selection.isEmpty ? [(selection.head, head)] : [(selection.anchor, anchor), (selection.head, head)]
    for (offset, mark) in marks.sorted(by: { $0.0 > $1.0 }) {
      bytes.insert(contentsOf: Array(String(mark).utf8), at: offset)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
