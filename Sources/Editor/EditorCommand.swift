/// What a user can ask the editor to do, independent of which key asked.
public enum EditorCommand: Equatable, Sendable {
  case insert(String)
  case newline
  case backspace
  case deleteForward
  case indent
  case moveLeft, moveRight, moveUp, moveDown
  case moveLineStart, moveLineEnd
}
