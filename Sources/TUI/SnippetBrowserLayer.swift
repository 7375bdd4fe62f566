/// The snippet browser as a layer of the compositor, over the whole screen: it takes every event
/// while open, and hands the app what only the app can do (open a snippet, copy, close).
final class SnippetBrowserLayer: Layer {
  var browser: SnippetBrowser

  init(_ browser: SnippetBrowser) { self.browser = browser }

  var coversScreen: Bool { true }

  func handle(_ event: InputEvent, context: LayerContext) -> EventResult {
    browser.theme = context.theme
    browser.keymap = context.keymap
    carryOut(browser.handle(event), context: context)
    return .handled
  }

  /// Runs a browser command by name (the palette's choice), as its key would.
  func perform(_ name: CommandName, context: LayerContext) {
    browser.keymap = context.keymap
    carryOut(browser.perform(name), context: context)
  }

  private func carryOut(_ outcome: SnippetBrowser.Outcome, context: LayerContext) {
    if let read = browser.takeListRead() { context.send { $0.readSnippetList(read) } }
    switch outcome {
    case .stay: break
    case .close:
      context.dismiss(self)
      context.send { $0.browserClosed() }
    case .open(let id):
      context.send { app in self.settle(app.openSnippet(id), context: context) }
    case .openVersion(let id, let code, let startedAt):
      context.send { app in
        self.settle(app.openVersion(of: id, code: code, startedAt: startedAt), context: context)
      }
    case .copy(let text):
      context.send { $0.copyToClipboard(text) }
    case .global("help"):
      context.push(HelpOverlay(keymap: context.keymap, leading: browser.keyContext))
    case .global("command-palette"):
      // The palette over the browser lists what can be done in it now.
      context.push(CommandPalette(keymap: context.keymap, contexts: [browser.keyContext]))
    case .global: break
    }
  }

  /// Closes the browser once the editor holds the snippet; otherwise says why it does not.
  private func settle(_ failure: String?, context: LayerContext) {
    if let failure {
      browser.message = .init(text: failure, isError: true)
    } else {
      context.dismiss(self)
    }
  }

  func render(in screen: Rect, into grid: inout Grid, context: LayerContext) {
    browser.theme = context.theme
    browser.keymap = context.keymap
    browser.fit(in: screen)
    browser.render(in: screen, into: &grid)
  }

  func cursor(in screen: Rect) -> (x: Int, y: Int)? { browser.cursorLocation(in: screen) }
}
