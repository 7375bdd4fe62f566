/// Where frames go and where input comes from. The ncurses backend is the real terminal; the
/// headless backend keeps frames in memory for tests.
public protocol TerminalBackend: AnyObject {
  var size: (width: Int, height: Int) { get }
  /// A descriptor that becomes readable when input is waiting, for the app loop's poll(2).
  var inputDescriptor: Int32 { get }
  /// Everything that arrived since the last call, without blocking.
  func readEvents() -> [InputEvent]
  /// Shows the grid, and the hardware cursor at `cursor` (hidden when nil).
  func present(_ grid: Grid, cursor: (x: Int, y: Int)?)
  /// Gives the terminal back as it was.
  func shutdown()
}

/// A terminal in memory: fixed size, scripted input, the last frame kept for inspection.
public final class HeadlessBackend: TerminalBackend {
  public private(set) var size: (width: Int, height: Int)
  public private(set) var lastFrame: Grid?
  public private(set) var lastCursor: (x: Int, y: Int)?
  public private(set) var frameCount = 0
  public var pendingEvents: [InputEvent] = []

  public init(width: Int, height: Int) {
    size = (width, height)
  }

  public var inputDescriptor: Int32 { -1 }

  public func readEvents() -> [InputEvent] {
    defer { pendingEvents = [] }
    for case .resize(let w, let h) in pendingEvents { size = (w, h) }
    return pendingEvents
  }

  public func present(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    lastFrame = grid
    lastCursor = cursor
    frameCount += 1
  }

  public func shutdown() {}
}
