/// A key as the app sees it, whichever terminal or backend produced it.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter, lowercased: `.ctrl("q")`.
  case ctrl(Character)
  case function(Int)
  case enter, tab, backTab, backspace, delete, escape
  case up, down, left, right, home, end, pageUp, pageDown, insert
  /// A navigation or editing key held with Shift, Ctrl or Alt: `.modified(.left, [.shift])`.
  indirect case modified(Key, Modifiers)
}

/// Modifier keys that terminals report with navigation keys (xterm's `CSI 1;m X` encoding).
public struct Modifiers: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let shift = Modifiers(rawValue: 1)
  public static let alt = Modifiers(rawValue: 2)
  public static let control = Modifiers(rawValue: 4)

  /// xterm's modifier parameter: 1 plus the bits of shift (1), alt (2) and control (4).
  init(xtermParameter: Int) { self.init(rawValue: max(0, xtermParameter - 1) & 7) }
}

/// A mouse button or wheel, at a screen cell.
public struct MouseEvent: Hashable, Sendable {
  public enum Action: Hashable, Sendable { case press, wheelUp, wheelDown }
  public var action: Action
  public var x: Int
  public var y: Int

  public init(_ action: Action, x: Int, y: Int) {
    self.action = action
    self.x = x
    self.y = y
  }
}

/// Everything that can happen to the UI from outside.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case paste(String)
  case mouse(MouseEvent)
  case resize(width: Int, height: Int)
}

/// What a layer or a pane did with an event: `.ignored` passes it on (down the layer stack).
public enum EventResult: Equatable, Sendable {
  case handled
  case ignored
}
