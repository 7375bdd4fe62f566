import Glibc

/// Runs the app on a terminal: waits for input or background messages, handles them, draws.
public final class AppLoop {
  private let app: App
  private let terminal: any TerminalBackend

  public init(app: App, terminal: any TerminalBackend) {
    self.app = app
    self.terminal = terminal
  }

  public func run() {
    draw()
    while !app.shouldQuit {
      var fds = [
        pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: app.inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      // While a program runs, tick so its elapsed time moves; otherwise sleep until something happens.
      // Output still waiting to be applied: look at the keys and go on at once.
      var timeout: Int32 = app.hasBacklog ? 0 : app.isRunning ? 100 : -1
      // Autosave has a draft to write by then.
      if let wait = app.autosaveWait {
        let milliseconds = Int32(
          clamping: wait.components.seconds * 1_000 + wait.components.attoseconds / 1_000_000_000_000_000 + 1)
        timeout = timeout < 0 ? milliseconds : min(timeout, milliseconds)
      }
      _ = poll(&fds, nfds_t(fds.count), timeout)
      step()
    }
  }

  /// One turn of the loop without waiting: input, then background messages, then a frame.
  public func step() {
    for event in terminal.readEvents() { app.handle(event) }
    app.drainInbox()
    app.autosaveIfDue()
    if !app.shouldQuit { draw() }
  }

  private func draw() {
    let size = terminal.size
    let (grid, cursor) = app.render(width: size.width, height: size.height)
    terminal.present(grid, cursor: cursor)
  }
}
