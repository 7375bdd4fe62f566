import Editor
import Settings

/// Commands by name: what a key bound in the global context does, and what the palette runs. A
/// pane's command focuses that pane and hands it the command. Also where the layers' requests are
/// carried out, and where config.toml's `[keys]` reach the keymap.
extension App {
  /// Applies the user's key bindings over the built-in ones; what could not apply is shown on the
  /// editor's bottom row (the defaults stay for those keys) and returned.
  @discardableResult
  public func applyKeyBindings(_ bindings: [KeyBinding]) -> [String] {
    var map = keymap
    let problems = map.apply(bindings)
    keymap = map
    if !problems.isEmpty {
      let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
      editor.note("config.toml: \(problems[0])\(more); the other keys work as before")
    }
    return problems
  }

  /// Runs a command, as its key would with nothing above the panes.
  public func perform(_ name: CommandName) {
    guard let command = keymap.command(named: name) else { return }
    switch command.context {
    case .global: performGlobal(name)
    case .editor:
      focus = .editor
      // Save on a snippet's buffer keeps its code, no file asked for (App+Browser.swift).
      if name == "save" && editor.prompt == nil && currentSnippet != nil { return commitSnippet() }
      editor.perform(name)
      noticeEditForAnalysis()
    case .output:
      focus = .output
      if output.perform(name) == .ignored && name == "output-escape" { focus = .editor }
      takeOutputRequests()
    case .analysis:
      focus = .analysis
      performInAnalysis(name)
    case .browser, .history:
      // The palette over the browser runs the browser's own commands.
      guard let browser = layer(SnippetBrowserLayer.self) else { return }
      let context = layerContext()
      browser.perform(name, context: context)
      carryOut(context)
    case .prompt, .overlay: break
    }
  }

  private func performGlobal(_ name: CommandName) {
    switch name.rawValue {
    case "run": runKey(confirmed: confirming.restart)
    case "cancel": interruptKey()
    case "analyse":
      focus = .analysis
      startAnalysis(reusingCache: false)
    case "go-to-error": jumpToLastError()
    case "switch-target": switchTarget()
    case "switch-focus": focus = focus == .editor ? .output : .editor
    case "focus-editor": focus = .editor
    case "focus-output": focus = .output
    case "focus-analysis": focus = .analysis
    case "zoom-pane": toggleZoom()
    case "widen-editor": moveSplit(editor: PaneLayout.step)
    case "narrow-editor": moveSplit(editor: -PaneLayout.step)
    case "grow-output": moveSplit(output: PaneLayout.step)
    case "shrink-output": moveSplit(output: -PaneLayout.step)
    case "reset-layout": panes = PaneLayout()
    case "attach-stdin-file": askForStdinFile()
    case "detach-stdin-file": detachStdinFile()
    case "open-snippet-browser": openSnippetBrowser()
    case "command-palette": compositor.push(CommandPalette(keymap: keymap))
    case "help": compositor.push(HelpOverlay(keymap: keymap))
    case "quit": quit(confirmed: confirming.quit)
    default: performThemeCommand(name)
    }
  }

  /// Keys and commands for the analysis pane: Esc goes back to the editor, Enter on a hot line
  /// jumps there.
  func handleInAnalysis(_ event: InputEvent) {
    guard case .key(let key) = event, let name = keymap.command(for: key, in: .analysis) else { return }
    performInAnalysis(name)
  }

  private func performInAnalysis(_ name: CommandName) {
    if name == "analysis-leave" {
      focus = .editor
      return
    }
    _ = analysis.perform(name)
    if let line = analysis.takeJump() {
      editor.state.apply(.goToLine(line))
      focus = .editor
    }
  }

  // MARK: Layers

  /// What the layers get for an event or a frame: the theme and keys as they are now.
  func layerContext() -> LayerContext { LayerContext(theme: theme, keymap: keymap) }

  /// Carries out what the layers asked while handling an event or drawing.
  func carryOut(_ context: LayerContext) {
    var requests = context.takeRequests()
    while !requests.isEmpty {
      for request in requests {
        switch request {
        case .dismiss(let layer): compositor.remove(layer)
        case .push(let layer): compositor.push(layer)
        case .perform(let name): perform(name)
        case .send(let work): work(self)
        }
      }
      // A request's work may have asked for more (a command that opens a layer).
      requests = context.takeRequests()
    }
  }

  /// The topmost layer of a type, if one is open (tests, and a layer looking for its kind).
  func layer<T: Layer>(_ type: T.Type) -> T? { compositor.first(type) }

  /// Opens a layer over everything (the snippet browser, a prompt).
  func push(_ layer: any Layer) { compositor.push(layer) }
}
