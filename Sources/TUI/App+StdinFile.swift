import Glibc
import Processes

/// A file attached as every run's standard input, from the editor (Alt-I, or the palette's
/// `attach-stdin-file`; `detach-stdin-file` lets runs read what is typed again). The status bar
/// shows `stdin: NAME` while one is attached.
extension App {
  func askForStdinFile() {
    push(
      LinePrompt(label: " stdin file: ", input: stdinFile?.name ?? "") { app, path in
        app.attachStdinFile(path)
      })
  }

  /// Reads `path` and attaches it; returns why it cannot, if it cannot (nothing changes then).
  @discardableResult
  func attachStdinFile(_ path: String) -> String? {
    guard !path.isEmpty else { return "type the path of a file" }
    var resolved = path
    if path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") {
      resolved = String(cString: home) + path.dropFirst()
    }
    let bytes: [UInt8]
    do {
      bytes = try FileContents.read(resolved)
    } catch {
      if error.isMissing { return "\(path): no such file" }
      if error.isDirectory { return "\(path) is a directory: attach a file" }
      return "cannot read \(path): \(error)"
    }
    stdinFile = StdinFile(name: path, bytes: bytes)
    let size = bytes.count == 1 ? "1 byte" : "\(bytes.count) bytes"
    editor.note("runs read \(path) (\(size)) as their input" + (isRunning ? ", from the next run on" : ""))
    return nil
  }

  func detachStdinFile() {
    guard let file = stdinFile else { return editor.note("no stdin file is attached") }
    stdinFile = nil
    editor.note("\(file.name) detached: runs read what is typed in the output pane again")
  }
}
