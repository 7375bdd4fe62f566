import Analysis
import Arguments
import Editor
import Execution
import FoundationEssentials
import Glibc
import Processes
import Remote
import Sandbox
import Settings
import Store
import TUI

/// Opens the full-screen editor; the default when no subcommand is given.
struct Edit: Command {
  static let spec = CommandSpec(
    name: "edit",
    abstract: "Open the full-screen editor (the default: `coderemote [FILE]`).",
    positionals: [
      .init(
        "file", help: "A Python file to open (created on save if it does not exist).", optional: true,
        completion: .file)
    ],
    options: [
      .value(
        "theme", "theme",
        help: "A theme: a name (default, light, dusk, or your own in ~/.config/coderemote/themes) or a path."),
      .value(
        "db", "path", completion: .file,
        help:
          "The snippet database autosave and the run history use (default: $XDG_DATA_HOME/coderemote/coderemote.db)."
      ),
      .value(
        "stdin", "file", completion: .file,
        help: "A file every run reads as its standard input (instead of what is typed in the output pane)."),
      .value(
        "with", "path", repeatable: true, completion: .file,
        help: "A file, or a directory (read-only), every run sees beside the program under its own name."),
    ])

  var file: String?
  var theme: String?
  var database: String?
  var stdinFile: String?
  var sharedPaths: [String]

  init(_ parsed: ParsedCommand) {
    file = parsed.positional("file")
    theme = parsed.value("theme")
    database = parsed.value("db")
    stdinFile = parsed.value("stdin")
    sharedPaths = parsed.values("with")
  }

  func run() {
    guard isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 else {
      CLIFailure.usage("the editor needs a terminal; to run a file without one, use `coderemote run FILE`")
        .exit()
    }
    let environment = ProcessInfo.processInfo.environment
    let configuration: Configuration
    let chosenTheme: Theme
    do {
      configuration = try Configuration.load(environment: environment)
      // --theme wins over config.toml's [ui] theme.
      chosenTheme = try ThemeCatalog.load(theme ?? configuration.theme ?? "default", environment: environment)
    } catch {
      CLIFailure.usage(String(describing: error)).exit()
    }
    guard let screen = NcursesBackend.chooseTerminal(environment: environment) else {
      CLIFailure.usage(
        "TERM=\(environment["TERM"] ?? "") is unknown to terminfo, and no basic terminal (xterm, vt100) is installed"
      ).exit()
    }
    // Runs come one after another from here: each takes a box made ready while the user typed.
    let backend = LocalBackend(configuration: configuration.sandbox, keepWarm: true)
    let app = App(
      backend: backend, limits: configuration.sandbox.limits, theme: chosenTheme.adapted(to: screen.colorMode)
    )
    let preferences = configuration.editor
    app.editor.state.settings = EditorSettings(
      indentWidth: preferences.indentWidth, tabWidth: preferences.tabWidth, autoClose: preferences.autoClose)
    app.sharedPaths = sharedPaths
    configureScreen(app, configuration: configuration, colorMode: screen.colorMode, environment: environment)
    if let stdinFile {
      do {
        app.stdinFile = StdinFile(name: stdinFile, bytes: try FileContents.read(stdinFile))
      } catch {
        CLIFailure.usage("cannot read --stdin file \(stdinFile): \(error)").exit()
      }
    }
    if let file {
      // A missing file opens empty and is created on save; its line endings are kept either way.
      do { try app.editor.open(path: file) } catch { CLIFailure.usage(error.description).exit() }
    }
    let databasePath = configuration.database(override: database, environment: environment)
    // Analyses run over the same backend as runs, with the same limits; F7 and each run ask.
    app.connectAnalysis(
      ComplexityAnalyzer(backend: backend, limits: configuration.sandbox.limits),
      cache: StoreAnalysisCache(path: databasePath))
    offerRemote(to: app, configuration: configuration, environment: environment)
    attachLibrary(to: app, path: databasePath)
    app.editor.clipboard = Clipboard.detect(
      environment: environment, writeToTerminal: NcursesBackend.writeToTerminal)
    TerminalGuard.install()
    let terminal = NcursesBackend(screen)
    if let notice = screen.notice { app.editor.note(notice) }
    AppLoop(app: app, terminal: terminal).run()
    app.flushAutosave()
    app.saveLayout()
    terminal.shutdown()
    TerminalGuard.restore()
    if let notice = screen.notice {
      LiveOutput.writeAll(Array("coderemote: \(notice)\n".utf8), to: STDERR_FILENO)
    }
    backend.close()
  }
}

extension Edit {
  /// The screen's part of the settings: the user's keys (a bad entry is a warning on the status
  /// row, never a reason not to start), the themes the palette can switch to, and the layout
  /// left last time (`$XDG_STATE_HOME/coderemote/layout`).
  func configureScreen(
    _ app: App, configuration: Configuration, colorMode: ColorMode, environment: [String: String]
  ) {
    app.offerThemes(ThemeCatalog.names(environment: environment)) { name in
      try ThemeCatalog.load(name, environment: environment).adapted(to: colorMode)
    }
    app.applyKeyBindings(configuration.keyBindings)
    app.useLayoutFile(Paths.stateDirectory(environment: environment) + "/layout")
  }

  /// The server F4 switches runs to, from CODEREMOTE_URL or `[remote] url` (and the token and CA
  /// the same way); libcurl is not opened until the first remote run.
  func offerRemote(to app: App, configuration: Configuration, environment: [String: String]) {
    let settings = configuration.remote.overridden(by: RemoteSettings(), environment: environment)
    guard let url = settings.url else { return }
    do {
      let backend = try RemoteBackend(url: url, token: settings.token, caFile: settings.caFile)
      app.offerRemote(RunTarget(backend: backend, analyzer: RemoteAnalyzer(backend)))
    } catch {
      app.offerRemote(problem: "the configured server cannot be used: \(error.message)")
    }
  }

  /// Autosave and the run history go to the snippet database; one that cannot be opened is said on
  /// the status bar and the editor works without it (nothing is kept, as before).
  func attachLibrary(to app: App, path: String) {
    do {
      let store = try SnippetStore.open(path: path)
      if let moved = store.movedAside { app.editor.note("\(moved)") }
      let library = StoreLibrary(store)
      app.attach(library)
      app.attachCatalog(library)
    } catch {
      app.editor.note("autosave is off: \(error)")
    }
  }
}
