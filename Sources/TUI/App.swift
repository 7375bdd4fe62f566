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
  }

  public var editor: EditorPane
  public private(set) var output = OutputPane()
  public internal(set) var analysis = AnalysisPane()
  public private(set) var runState: RunState = .idle
  public internal(set) var focus: Pane = .editor
  public private(set) var shouldQuit = false
  public let inbox = Inbox<Message>()

  private let backend: any ExecutionBackend
  /// What the backend's runs get, for the status bar: asked once, it does not change.
  let isolation: String
  private let limits: ExecutionLimits
  /// The run going on, to cancel it; and the task that forwards its events to the inbox.
  private var currentRun: ExecutionHandle?
  private var runTask: Task<Void, Never>?
  var analysisWork = AnalysisWork()
  let theme: Theme
  private var lastLayout: Layout?
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
  /// The F1 key list, when open.
  public private(set) var help: HelpOverlay?
  /// Autosave and the run history, once `attach(_:)` links a library (App+Library.swift).
  var library: LibrarySession?

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
    let (quitWasArmed, restartWasArmed) = (quitArmed, restartArmed)
    if case .key = event { (quitArmed, restartArmed) = (false, false) }
    if handleLibraryOffer(event) { return }
    if help != nil {
      handleInHelp(event)
      return
    }
    switch event {
    case .key(.function(5)), .key(.ctrl("r")): runKey(confirmed: restartWasArmed)
    case .key(.function(7)):
      focus = .analysis
      startAnalysis(reusingCache: false)
    case .key(.ctrl("q")): quit(confirmed: quitWasArmed)
    case .key(.ctrl("c")): interruptKey()
    case .key(.function(6)): focus = focus == .editor ? .output : .editor
    case .key(.function(8)): jumpToLastError()
    case .key(.function(1)): help = HelpOverlay()
    case .resize: break
    case .mouse(let mouse): handleMouse(mouse)
    default:
      switch focus {
      case .editor:
        _ = editor.handle(event)
        noticeEditForAnalysis()
      case .output: handleInOutput(event)
      case .analysis: handleInAnalysis(event)
      }
    }
  }

  /// Esc with nothing open in the output pane goes back to the editor; ^K copies through the
  /// editor's clipboard, so ^V pastes it there too.
  private func handleInOutput(_ event: InputEvent) {
    if event == .key(.escape) && !output.escapeStaysInPane {
      focus = .editor
      return
    }
    _ = output.handle(event)
    for action in output.takeStdinActions() { currentRun?.perform(action) }
    if let text = output.takeCopied() {
      editor.clipboard.copy(text)
      editor.state.takeIntoRegister(text)
    }
  }

  /// A click focuses the pane under it (and places the editor's cursor); the wheel scrolls it.
  private func handleMouse(_ mouse: MouseEvent) {
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

  /// While the help is open, keys scroll or close it; running and quitting still work.
  private func handleInHelp(_ event: InputEvent) {
    switch event {
    case .key(.escape), .key(.function(1)), .key(.character("q")): help = nil
    case .key(.function(5)), .key(.ctrl("r")), .key(.function(7)), .key(.ctrl("c")), .key(.ctrl("q")):
      help = nil
      handle(event)
    default: _ = help?.handle(event)
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
      code: editor.state.text, sharedPaths: sharedPaths, stdin: stdinFile?.bytes ?? [],
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
  private func quit(confirmed: Bool) {
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

  struct Layout {
    var editor: Rect
    var editorTitle: Rect
    var output: Rect
    var outputTitle: Rect
    var analysis: Rect
    var analysisTitle: Rect
    var separatorX: Int
    var status: Rect
  }

  static let minimumSize = (width: 40, height: 10)

  static func layout(width: Int, height: Int) -> Layout {
    let bodyHeight = height - 1
    let leftWidth = (width * 11) / 20
    let rightX = leftWidth + 1
    let rightWidth = width - rightX
    let outputHeight = (bodyHeight * 3) / 5
    return Layout(
      editor: Rect(x: 0, y: 1, width: leftWidth, height: bodyHeight - 1),
      editorTitle: Rect(x: 0, y: 0, width: leftWidth, height: 1),
      output: Rect(x: rightX, y: 1, width: rightWidth, height: outputHeight - 1),
      outputTitle: Rect(x: rightX, y: 0, width: rightWidth, height: 1),
      analysis: Rect(
        x: rightX, y: outputHeight + 1, width: rightWidth, height: bodyHeight - outputHeight - 1),
      analysisTitle: Rect(x: rightX, y: outputHeight, width: rightWidth, height: 1),
      separatorX: leftWidth,
      status: Rect(x: 0, y: height - 1, width: width, height: 1))
  }

  /// Draws a frame of the given size; returns the grid and where the cursor goes.
  public func render(width: Int, height: Int) -> (Grid, cursor: (x: Int, y: Int)?) {
    var grid = Grid(width: width, height: height)
    guard width >= Self.minimumSize.width && height >= Self.minimumSize.height else {
      for (row, line) in Self.tooSmallLines(width: width, height: height).enumerated() {
        grid.put(line.text, x: 0, y: row, style: line.isHint ? theme.hint : theme.text, maxX: width)
      }
      return (grid, nil)
    }
    let layout = Self.layout(width: width, height: height)
    lastLayout = layout
    editor.scrollToCursor(textWidth: layout.editor.width - editor.gutterWidth(), height: layout.editor.height)
    let outputText = Rect(
      x: layout.output.x + 1, y: layout.output.y, width: layout.output.width - 1, height: layout.output.height
    )
    output.fit(width: outputText.width, height: outputText.height)
    prepareAnalysis(in: layout.analysis)

    drawTitle(" \(editor.title) ", in: layout.editorTitle, focused: focus == .editor, into: &grid)
    drawTitle(output.title, in: layout.outputTitle, focused: focus == .output, into: &grid)
    drawTitle(analysis.title, in: layout.analysisTitle, focused: focus == .analysis, into: &grid)
    for y in 0..<(height - 1) { grid.put("│", x: layout.separatorX, y: y, style: theme.border) }
    editor.render(in: layout.editor, into: &grid)
    grid.fill(
      Rect(x: layout.output.x, y: layout.output.y, width: 1, height: layout.output.height), style: theme.text)
    output.render(in: outputText, into: &grid)
    analysis.render(in: layout.analysis, into: &grid)
    drawStatus(in: layout.status, into: &grid)
    if help != nil {
      let frame = HelpOverlay.frame(width: width, height: height)
      help?.theme = theme
      help?.fit(in: frame)
      help?.render(in: frame, into: &grid)
      return (grid, nil)
    }
    let cursor =
      switch focus {
      case .editor: editor.cursorLocation(in: layout.editor)
      case .output: output.cursorLocation(in: outputText)
      case .analysis: nil as (x: Int, y: Int)?
      }
    return (grid, cursor)
  }

  private func drawTitle(_ title: String, in rect: Rect, focused: Bool, into grid: inout Grid) {
    let style = focused ? theme.paneTitleFocused : theme.paneTitle
    grid.fill(rect, style: style)
    grid.put(title, x: rect.x, y: rect.y, style: style, maxX: rect.maxX)
  }
}
