/// A key as the app sees it, whichever terminal or backend produced it.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter, lowercased: `.ctrl("q")`.
  case ctrl(Character)
  case function(Int)
  case enter, tab, backTab, backspace, delete, escape
  case up, down, left, right, home, end, pageUp, pageDown
}

/// Everything that can happen to the UI from outside.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case paste(String)
  case resize(width: Int, height: Int)
}

/// What a component did with an event.
public enum EventResult: Equatable, Sendable {
  case handled
  case ignored
}

/// A piece of the screen: it handles events and draws itself into its rectangle of the grid.
public protocol Component {
  mutating func handle(_ event: InputEvent) -> EventResult
  func render(in rect: Rect, into grid: inout Grid)
}
