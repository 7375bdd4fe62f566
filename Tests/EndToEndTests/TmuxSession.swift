import Foundation

/// A real terminal: a private tmux server (its own socket, so the user's tmux is never touched)
/// running a plain shell at a fixed size. Killed, with everything in it, when released.
final class TmuxSession {
  let socket = "coderemote-test-\(getpid())-\(UUID().uuidString.prefix(8))"
  let width: Int
  let height: Int
  /// The shell's XDG_DATA_HOME, a fresh directory per session: each editor gets its own snippet
  /// database (autosave would otherwise carry drafts from one test into the next).
  let dataHome = NSTemporaryDirectory() + "coderemote-e2e-data-" + UUID().uuidString
  /// Its XDG_STATE_HOME is under it too: a layout one test leaves is not the next one's.
  /// The snippet database editors in this session use.
  var database: String { dataHome + "/coderemote/coderemote.db" }

  /// `lang` nil starts the shell with no locale variables at all; `term` is the TERM programs see
  /// (tmux itself sends the same keys whatever it is).
  init(width: Int = 100, height: Int = 30, lang: String? = "C.UTF-8", term: String = "tmux-256color") throws {
    self.width = width
    self.height = height
    try FileManager.default.createDirectory(atPath: dataHome, withIntermediateDirectories: true)
    let environment =
      [
        "PATH=/usr/bin:/bin", "HOME=\(NSTemporaryDirectory())", "TERM=\(term)", "PS1=$ ",
        "XDG_DATA_HOME=\(dataHome)", "XDG_STATE_HOME=\(dataHome)/state",
      ]
      + (lang.map { ["LANG=\($0)"] } ?? [])
    let command = ["env", "-i"] + environment + ["bash", "--norc", "--noprofile"]
    _ = try Binary.run(
      [
        "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", String(width), "-y",
        String(height),
      ]
        + command, executable: "/usr/bin/tmux")
    _ = try waitFor(timeout: 5) { $0.contains("$") }
  }

  deinit {
    _ = try? tmux("kill-server")
    // tmux leaves its socket file behind; it lives in $TMUX_TMPDIR (default /tmp)/tmux-UID.
    let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
    try? FileManager.default.removeItem(atPath: dataHome)
  }

  @discardableResult
  func tmux(_ arguments: String...) throws -> String { try tmux(arguments) }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let outcome = try Binary.run(["-L", socket] + arguments, executable: "/usr/bin/tmux")
    guard outcome.status == 0 else {
      throw TmuxError(message: "tmux \(arguments.joined(separator: " ")): \(outcome.stderr)")
    }
    return outcome.text
  }

  /// Types text literally, as if pasted key by key.
  func type(_ text: String) throws { try tmux("send-keys", "-t", "e2e", "-l", text) }

  /// Sends bytes as they are, as a terminal would: `sendBytes("\u{1B}[99~")`.
  func sendBytes(_ text: String) throws {
    try tmux(["send-keys", "-t", "e2e", "-H"] + text.utf8.map { String($0, radix: 16) })
  }

  /// Presses named keys: "Enter", "F5", "C-q".
  func press(_ keys: String...) throws {
    for key in keys { try tmux("send-keys", "-t", "e2e", key) }
  }

  /// The visible screen as text.
  func screen() throws -> String { try tmux("capture-pane", "-p", "-t", "e2e") }

  /// The pid of the program the shell is running in the foreground, if any.
  func foregroundChild() throws -> pid_t? {
    let shell = try tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try Binary.run(["-P", shell], executable: "/usr/bin/pgrep").text
    return children.split(separator: "\n").first.flatMap { pid_t($0) }
  }

  /// Polls the screen until `condition` holds; returns that screen, or throws with the last one.
  @discardableResult
  func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      usleep(50_000)
    }
    throw TmuxError(message: "timed out waiting; the screen was:\n\(last)")
  }
}

struct TmuxError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
