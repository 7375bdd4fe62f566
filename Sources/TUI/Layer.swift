/// One layer of the screen, in the `Compositor`'s stack: the panes at the bottom (`ScreenLayer`),
/// overlays (F1, the palette, a full-screen browser) and prompts above. An event goes to the top
/// layer first; a layer that does not want it returns `.ignored` and it goes on down. Mouse events
/// take the same way. docs/architecture.md ("Layers") shows how to write one.
protocol Layer: AnyObject {
  /// Handles an event or passes it down. `context` carries the theme and the keymap, and takes
  /// what the layer asks of the app: to be dismissed, another layer, a command to run.
  func handle(_ event: InputEvent, context: LayerContext) -> EventResult

  /// Draws the layer over what the layers below drew. `screen` is the whole screen.
  func render(in screen: Rect, into grid: inout Grid, context: LayerContext)

  /// Where the terminal cursor goes while this layer is on top; nil hides it.
  func cursor(in screen: Rect) -> (x: Int, y: Int)?

  /// Whether the layer hides everything below it, which then is not drawn at all.
  var coversScreen: Bool { get }
}

extension Layer {
  func cursor(in screen: Rect) -> (x: Int, y: Int)? { nil }
  var coversScreen: Bool { false }
}

/// What a layer may use and ask for while it handles an event or draws. Requests are carried out
/// by the app once the event has been handled, in order.
final class LayerContext {
  enum Request {
    case dismiss(any Layer)
    case push(any Layer)
    case perform(CommandName)
    case send((App) -> Void)
  }

  /// The theme in use now (it can change at run time: a layer reads it at every frame).
  let theme: Theme
  let keymap: Keymap
  private(set) var requests: [Request] = []

  init(theme: Theme, keymap: Keymap) {
    self.theme = theme
    self.keymap = keymap
  }

  /// Takes `layer` off the stack (a layer dismisses itself with `dismiss(self)`).
  func dismiss(_ layer: any Layer) { requests.append(.dismiss(layer)) }

  /// Puts `layer` on top of the stack.
  func push(_ layer: any Layer) { requests.append(.push(layer)) }

  /// Runs a command by name, as if its key were pressed with nothing above the panes.
  func perform(_ command: CommandName) { requests.append(.perform(command)) }

  /// Hands the app a piece of work, for what no command says ("open this snippet").
  func send(_ work: @escaping (App) -> Void) { requests.append(.send(work)) }

  func takeRequests() -> [Request] {
    defer { requests = [] }
    return requests
  }
}
