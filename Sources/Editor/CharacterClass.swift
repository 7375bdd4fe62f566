/// Kinds of characters that word movement and word selection treat as one run.
enum CharacterClass: Equatable {
  case whitespace, word, punctuation

  init(_ character: Character) {
    if character.isWhitespace {
      self = .whitespace
    } else if character == "_" || character.isLetter || character.isNumber {
      self = .word
    } else {
      self = .punctuation
    }
  }
}
