/// The stack of layers, bottom to top. Events go down from the top until a layer handles one;
/// frames are drawn up from the lowest layer still seen (a full-screen layer hides those below).
final class Compositor {
  private(set) var layers: [any Layer] = []

  func push(_ layer: any Layer) { layers.append(layer) }

  /// Takes `layer` off, wherever it is in the stack.
  func remove(_ layer: any Layer) { layers.removeAll { $0 === layer } }

  var top: (any Layer)? { layers.last }

  /// The topmost layer of a type, if one is on the stack.
  func first<T: Layer>(_ type: T.Type) -> T? {
    layers.reversed().lazy.compactMap { $0 as? T }.first
  }

  /// Offers `event` to each layer from the top; returns whether one handled it.
  @discardableResult
  func handle(_ event: InputEvent, context: LayerContext) -> Bool {
    for layer in layers.reversed() where layer.handle(event, context: context) == .handled {
      return true
    }
    return false
  }

  /// Draws every layer still seen, bottom up; the top layer places the cursor.
  func render(in screen: Rect, into grid: inout Grid, context: LayerContext) -> (x: Int, y: Int)? {
    let lowest = layers.lastIndex { $0.coversScreen } ?? 0
    for layer in layers[lowest...] { layer.render(in: screen, into: &grid, context: context) }
    return top?.cursor(in: screen)
  }
}
