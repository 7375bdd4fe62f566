/// Turns a terminal's bracketed paste — what the terminal's own paste key (often Ctrl-Shift-V, or
/// a middle click) sends — into one `.paste` event, so the editor inserts it as it is: one undo
/// step, no auto-indent, no auto-close.
///
/// With bracketed paste mode on (`enable`), the terminal wraps pasted text in `ESC [200~` …
/// `ESC [201~`. ncurses knows neither sequence, so they reach the app as key events (Escape, `[`,
/// `2`, `0`, `0`, `~`); this decoder watches the events for them and collects what lies between.
/// It keeps state across reads, because a long paste arrives in several.
public struct ClipboardPasteDecoder: Sendable {
  /// Written to the terminal to turn bracketed paste on, and off again before exiting.
  public static let enable = "\u{1B}[?2004h"
  public static let disable = "\u{1B}[?2004l"

  static let startMarker = marker("200~")
  static let endMarker = marker("201~")

  private static func marker(_ tail: String) -> [InputEvent] {
    [.key(.escape), .key(.character("["))] + tail.map { .key(.character($0)) }
  }

  /// Events that may be the beginning of a marker, held back until it is clear.
  private var held: [InputEvent] = []
  /// The pasted text so far, while inside a paste.
  private var pasted: String?

  public init() {}

  /// The events with every complete bracketed paste collapsed into one `.paste`.
  public mutating func decode(_ events: [InputEvent]) -> [InputEvent] {
    var output: [InputEvent] = []
    for event in events {
      held.append(event)
      let marker = pasted == nil ? Self.startMarker : Self.endMarker
      if marker.starts(with: held) {
        if held.count == marker.count {
          if let text = pasted {
            output.append(.paste(text))
            pasted = nil
          } else {
            pasted = ""
          }
          held = []
        }
        continue
      }
      // Not a marker after all: let the held events through, but an Escape at the end may
      // still begin one.
      let restartsMarker = event == .key(.escape)
      let released = restartsMarker ? held.dropLast() : held[...]
      for event in released { pass(event, to: &output) }
      held = restartsMarker ? [event] : []
    }
    // A lone Escape (or a partial marker) at the end of a read is a key press, unless a paste is
    // still arriving.
    if pasted == nil {
      for event in held { output.append(event) }
      held = []
    }
    return output
  }

  /// Sends an event on, or into the paste being collected.
  private mutating func pass(_ event: InputEvent, to output: inout [InputEvent]) {
    guard var text = pasted else { return output.append(event) }
    switch event {
    case .key(.character(let character)): text.append(character)
    case .key(.enter): text.append("\n")
    case .key(.tab): text.append("\t")
    case .key(.escape): text.append("\u{1B}")
    case .key(.ctrl(let letter)):
      if let scalar = letter.asciiValue.flatMap({ Unicode.Scalar($0 - 0x60) }) {
        text.unicodeScalars.append(scalar)
      }
    case .paste(let inner): text += inner
    default: break
    }
    pasted = text
  }
}
