import Editor
import Execution

/// The whole screen: editor on the left, output top-right, analysis bottom-right, status bar below.
/// It owns all UI state and is driven only from the app loop's thread.
public final class App {
  public enum Pane: CaseIterable { case editor, output, analysis }

  /// What background work tells the UI.
  public enum Message: Sendable {
    case execution(ExecutionEvent)
    case executionFailed(String)
    /// The run was cancelled (Ctrl-C, or quitting) before its result arrived.
    case executionCancelled
    case analysis(AnalysisOutcome)
    /// The snippet browser's whole list, read on another thread.
    case snippetList(SnippetListRead, Result<SnippetList, any Error>)
  }

  public var editor: EditorPane
  public internal(set) var output = OutputPane()
  public internal(set) var analysis = AnalysisPane()
  public private(set) var runState: RunState = .idle
  public internal(set) var focus: Pane = .editor
  public private(set) var shouldQuit = false
  public let inbox = Inbox<Message>()

  /// Where runs go: this machine's sandbox, or a server (F4, App+Target.swift).
  var backend: any ExecutionBackend
  /// What the backend's runs get, for the status bar: asked once per target.
  var isolation: String
  var targets = RunTargets()
  private let limits: ExecutionLimits
  /// The run going on, to cancel it; and the task that forwards its events to the inbox.
  private var currentRun: ExecutionHandle?
  private var runTask: Task<Void, Never>?
  var analysisWork = AnalysisWork()
  /// The theme in use; the palette switches it at run time (App+Themes.swift).
  public internal(set) var theme: Theme {
    didSet { (editor.theme, output.theme, analysis.theme) = (theme, theme, theme) }
  }
  /// Which command each key is: the built-in keys, then config.toml's `[keys]` (App+Commands.swift).
  public internal(set) var keymap = Keymap.standard {
    didSet { (editor.keymap, output.keymap, analysis.keymap) = (keymap, keymap, keymap) }
  }
  /// The layers of the screen: the panes at the bottom, overlays and prompts above (Layer.swift).
  let compositor = Compositor()
  /// The panes' sizes and zoom (App+Layout.swift), kept across sessions when `layoutFile` is set.
  public var panes = PaneLayout()
  /// Where the layout is kept between sessions, if anywhere (App+Layout.swift).
  var layoutFile: String?
  var lastLayout: Layout?
  /// Where the cursor goes when the panes are on top, found as they are drawn.
  var screenCursor: (x: Int, y: Int)?
  /// Loads a theme by name for this terminal, when the executable offered themes (App+Themes.swift).
  var themeLoader: ((String) throws -> Theme)?
  /// Whether the key being handled came while a question was open (the quit's, the restart's).
  var confirming = (quit: false, restart: false)
  let clock = ContinuousClock()
  /// Set by a Ctrl-Q that would lose unsaved changes; a second Ctrl-Q then quits.
  public private(set) var quitArmed = false
  /// Fed to every run's standard input instead of the stdin field, when attached.
  public var stdinFile: StdinFile?
  /// Host paths every run sees beside its program, read-only (`coderemote edit --with PATH`).
  public var sharedPaths: [String] = []
  /// Set by F5 during a run (a second F5 restarts it), and by that second F5 until the run ended.
  var restartArmed = false
  var restartPending = false
  /// Autosave and the run history, once `attach(_:)` links a library (App+Library.swift).
  var library: LibrarySession?
  /// The snippet database the browser (Ctrl-O) browses (App+Browser.swift).
  var catalog: (any SnippetCatalog)?

  public init(
    backend: any ExecutionBackend, text: String = "", fileName: String = "main.py",
    limits: ExecutionLimits = .defaults, theme: Theme = .standard
  ) {
    self.backend = backend
    self.isolation = backend.isolation
    var limits = limits
    limits.outputKilobytes = max(limits.outputKilobytes, Self.outputCapKilobytes)
    self.limits = limits
    self.theme = theme
    editor = EditorPane(state: EditorState(text: text), fileName: fileName)
    editor.theme = theme
    output.theme = theme
    analysis.theme = theme
    compositor.push(ScreenLayer(app: self))
  }

  deinit {
    currentRun?.cancel()
    runTask?.cancel()
    analysisWork.task?.cancel()
  }

  /// The output cap of a run in the editor, at least: the pane's bounded scrollback is what
  /// protects memory there, so ordinary programs that print a lot are not cut off (the CLI's
  /// default stays 1 MB). A higher `[limits] output_kb` raises it.
  static let outputCapKilobytes = 262_144
  /// How much of each stream a run's result keeps: the pane has the output already.
  static let resultOutputKilobytes = 1_024

  // MARK: Input

  public func handle(_ event: InputEvent) {
    // A pending "quit without saving?" lasts only until the next key.
    confirming = (quitArmed, restartArmed)
    if case .key = event { (quitArmed, restartArmed) = (false, false) }
    if handleLibraryOffer(event) { return }
    let context = layerContext()
    compositor.handle(event, context: context)
    carryOut(context)
  }

  /// The panes' part of an event, under any overlay that passed it down: the app's own keys
  /// (the keymap's global context), the mouse, and the rest for the focused pane.
  func handleOnScreen(_ event: InputEvent) -> EventResult {
    switch event {
    case .key(let key):
      if let name = keymap.command(for: key, in: .global) {
        perform(name)
        return .handled
      }
    case .resize: return .ignored
    case .mouse(let mouse):
      handleMouse(mouse)
      return .handled
    case .paste: break
    }
    switch focus {
    case .editor:
      if saveTakenBySnippet(event) { return .handled }
      _ = editor.handle(event)
      noticeEditForAnalysis()
    case .output: handleInOutput(event)
    case .analysis: handleInAnalysis(event)
    }
    return .handled
  }

  /// Esc with nothing open in the output pane goes back to the editor; ^K copies through the
  /// editor's clipboard, so ^V pastes it there too.
  func handleInOutput(_ event: InputEvent) {
    if output.handle(event) == .ignored, case .key(let key) = event,
      keymap.command(for: key, in: .output) == "output-escape"
    {
      focus = .editor
    }
    takeOutputRequests()
  }

  /// What the output pane asked of the app: stdin for the run, text for the clipboard.
  func takeOutputRequests() {
    for action in output.takeStdinActions() { currentRun?.perform(action) }
    if let text = output.takeCopied() {
      editor.clipboard.copy(text)
      editor.state.takeIntoRegister(text)
    }
  }

  /// A click focuses the pane under it (and places the editor's cursor); the wheel scrolls it.
  func handleMouse(_ mouse: MouseEvent) {
    guard let layout = lastLayout else { return }
    if layout.editor.contains(x: mouse.x, y: mouse.y) {
      switch mouse.action {
      case .press:
        focus = .editor
        editor.click(column: mouse.x - layout.editor.x, row: mouse.y - layout.editor.y)
      case .wheelUp: editor.wheel(down: false)
      case .wheelDown: editor.wheel(down: true)
      }
    } else if layout.output.contains(x: mouse.x, y: mouse.y) {
      switch mouse.action {
      case .press:
        if !jumpToTraceback(atOutputRow: mouse.y - layout.output.y) { focus = .output }
      case .wheelUp: output.wheel(down: false)
      case .wheelDown: output.wheel(down: true)
      }
    } else if layout.analysis.contains(x: mouse.x, y: mouse.y) {
      switch mouse.action {
      case .press:
        focus = .analysis
        analysis.click(row: mouse.y - layout.analysis.y)
      case .wheelUp: analysis.wheel(down: false)
      case .wheelDown: analysis.wheel(down: true)
      }
    }
  }

  public func receive(_ message: Message) {
    switch message {
    case .execution(.started): break
    case .execution(.stdout(let bytes)): output.log.append(bytes, from: .stdout)
    case .execution(.stderr(let bytes)): output.log.append(bytes, from: .stderr)
    case .execution(.finished(let result)):
      runState = .finished(result)
      libraryRunFinished(result)
      endRun()
      markLastError()
    case .executionFailed(let message):
      runState = .failed(message)
      endRun()
    case .executionCancelled:
      if case .running(let start) = runState { runState = .cancelled(after: clock.now - start) }
      endRun()
    case .analysis(let outcome): receiveAnalysis(outcome)
    case .snippetList(let read, let result): receiveSnippetList(read, result)
    }
    startPendingRestart()
  }

  /// Messages taken from the inbox and not applied yet.
  private var backlog: [Message] = []
  private var backlogStart = 0

  /// Whether messages wait to be applied: the loop then comes back without sleeping.
  public var hasBacklog: Bool { backlogStart < backlog.count }

  /// Applies what background work has posted, for up to about 8 ms: a flood of output then
  /// arrives over several frames, and keys pressed meanwhile are handled between them.
  public func drainInbox() {
    backlog += inbox.take()
    let superseded = supersededOutput()
    let deadline = clock.now + .milliseconds(8)
    while backlogStart < backlog.count {
      switch backlog[backlogStart] {
      case .execution(.stdout(let bytes)) where backlogStart < superseded:
        output.log.skip(bytes, from: .stdout)
      case .execution(.stderr(let bytes)) where backlogStart < superseded:
        output.log.skip(bytes, from: .stderr)
      case let message: receive(message)
      }
      backlogStart += 1
      if backlogStart % 8 == 0 && clock.now >= deadline { break }
    }
    if backlogStart == backlog.count || backlogStart > 4_096 {
      backlog.removeFirst(backlogStart)
      backlogStart = 0
    }
  }

  /// Where the backlog's output stops being superseded: from there on it holds more lines than
  /// the pane keeps, so nothing before it would survive to be seen (a flood outrunning the screen).
  private func supersededOutput() -> Int {
    var lines = 0
    var index = backlog.count
    while index > backlogStart, lines <= output.log.maxLines {
      index -= 1
      switch backlog[index] {
      case .execution(.stdout(let bytes)), .execution(.stderr(let bytes)):
        for byte in bytes where byte == 0x0A { lines += 1 }
      default: break
      }
    }
    return lines > output.log.maxLines ? index : backlogStart
  }

  public var isRunning: Bool { runState.isRunning }

  func startRun() {
    guard !isRunning else { return }
    output.clear()
    if stdinFile == nil { output.openStdin() }
    runState = .running(startedAt: clock.now)
    let request = ExecutionRequest(
      code: editor.state.text, displayName: programFileName, sharedPaths: sharedPaths,
      stdin: stdinFile?.bytes ?? [],
      keepsStdinOpen: stdinFile == nil, limits: limits,
      resultOutputKilobytes: Self.resultOutputKilobytes)
    libraryRunStarted(code: request.code)
    let run = backend.run(request)
    currentRun = run
    if analysisWork.analyzer != nil { startAnalysis(reusingCache: true) }
    let inbox = self.inbox
    // A cancelled run still ends with its result; a stream that ends without one (this task
    // cancelled, on quitting) says so itself.
    runTask = Task.detached {
      do {
        var finished = false
        for try await event in run.events {
          if case .finished = event { finished = true }
          inbox.post(.execution(event))
        }
        if !finished { inbox.post(.executionCancelled) }
      } catch is CancellationError {
        inbox.post(.executionCancelled)
      } catch {
        inbox.post(.executionFailed(ExecutionError(error).message))
      }
    }
  }

  private func endRun() {
    output.closeStdin()
    currentRun = nil
    runTask = nil
  }

  func cancelRun() {
    currentRun?.cancel()
  }

  /// Quits, unless that would lose unsaved changes: then the first Ctrl-Q only warns.
  func quit(confirmed: Bool) {
    if editor.isModified && !confirmed {
      quitArmed = true
      return
    }
    currentRun?.cancel()
    runTask?.cancel()
    analysisWork.task?.cancel()
    shouldQuit = true
  }

  // MARK: Drawing

  static let minimumSize = (width: 40, height: 10)

  /// Draws a frame of the given size; returns the grid and where the cursor goes.
  public func render(width: Int, height: Int) -> (Grid, cursor: (x: Int, y: Int)?) {
    var grid = Grid(width: width, height: height)
    guard width >= Self.minimumSize.width && height >= Self.minimumSize.height else {
      for (row, line) in Self.tooSmallLines(width: width, height: height).enumerated() {
        grid.put(line.text, x: 0, y: row, style: line.isHint ? theme.hint : theme.text, maxX: width)
      }
      return (grid, nil)
    }
    let context = layerContext()
    let cursor = compositor.render(
      in: Rect(x: 0, y: 0, width: width, height: height), into: &grid, context: context)
    carryOut(context)
    return (grid, cursor)
  }

  func drawTitle(_ title: String, in rect: Rect, focused: Bool, into grid: inout Grid) {
    let style = focused ? theme.paneTitleFocused : theme.paneTitle
    grid.fill(rect, style: style)
    grid.put(title, x: rect.x, y: rect.y, style: style, maxX: rect.maxX)
  }
}
