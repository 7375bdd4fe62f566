import ArgumentParser
import Engine
import Foundation
import Glibc
import TUI

/// Opens the full-screen editor; the default when no subcommand is given.
struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open the full-screen editor (the default: `coderemote [FILE]`).")

  @Argument(
    help: "A Python file to open (created on save if it does not exist).",
    completion: .file(extensions: ["py"]))
  var file: String?

  @Option(
    help: "A theme: a name (default, light, dusk, or your own in ~/.config/coderemote/themes) or a path.")
  var theme: String = "default"

  func run() {
    guard isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 else {
      CLIFailure.usage("the editor needs a terminal; to run a file without one, use `coderemote run FILE`")
        .exit()
    }
    var text = ""
    if let file, FileManager.default.fileExists(atPath: file) {
      text = SourceFile.readOrExit(file)
    }
    let backend = LocalBackend()
    let chosenTheme: Theme
    do {
      chosenTheme = try ThemeCatalog.load(theme, environment: ProcessInfo.processInfo.environment)
    } catch {
      CLIFailure.usage(error.description).exit()
    }
    let app = App(
      backend: backend, isolation: backend.isolation, text: text,
      fileName: file.map { ($0 as NSString).lastPathComponent } ?? "main.py", theme: chosenTheme)
    TerminalGuard.install()
    let terminal = NcursesBackend()
    AppLoop(app: app, terminal: terminal).run()
    terminal.shutdown()
    TerminalGuard.restore()
  }
}
