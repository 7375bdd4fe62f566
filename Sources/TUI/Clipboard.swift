import FoundationEssentials
import Processes

/// The system clipboard, as far as a terminal program can reach it: over SSH, OSC 52 (the terminal
/// on the user's machine takes the text; copy only); locally, the platform's tool (wl-copy,
/// xclip, xsel, pbcopy and their paste halves); otherwise nothing, and the editor's own register
/// is the clipboard. The editor pane calls it on cut, copy and paste.
public struct Clipboard: Sendable {
  /// Hands text to the system clipboard.
  public var copy: @Sendable (String) -> Void
  /// The system clipboard's text, or nil when it cannot be read.
  public var paste: @Sendable () -> String?
  /// What the status line can say about it: "osc52", "xclip", "internal"…
  public var name: String

  public init(
    name: String, copy: @escaping @Sendable (String) -> Void, paste: @escaping @Sendable () -> String?
  ) {
    self.name = name
    self.copy = copy
    self.paste = paste
  }

  /// Only the editor's register.
  public static let `internal` = Clipboard(name: "internal", copy: { _ in }, paste: { nil })

  /// Chooses for this environment. `writeToTerminal` sends raw bytes to the terminal, for OSC 52.
  public static func detect(
    environment: [String: String], writeToTerminal: @escaping @Sendable (String) -> Void
  ) -> Clipboard {
    if environment["SSH_CONNECTION"] != nil || environment["SSH_TTY"] != nil {
      return Clipboard(name: "osc52", copy: { writeToTerminal(osc52($0)) }, paste: { nil })
    }
    let tools: [(needs: String?, copy: [String], paste: [String])] = [
      ("WAYLAND_DISPLAY", ["wl-copy"], ["wl-paste", "--no-newline"]),
      ("DISPLAY", ["xclip", "-selection", "clipboard"], ["xclip", "-selection", "clipboard", "-o"]),
      ("DISPLAY", ["xsel", "--clipboard", "--input"], ["xsel", "--clipboard", "--output"]),
      (nil, ["pbcopy"], ["pbpaste"]),
    ]
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    for tool in tools where tool.needs.map({ environment[$0] != nil }) ?? true {
      guard let copier = executable(tool.copy[0], path: path),
        let paster = executable(tool.paste[0], path: path)
      else { continue }
      let copyArguments = Array(tool.copy.dropFirst())
      let pasteArguments = Array(tool.paste.dropFirst())
      return Clipboard(
        name: tool.copy[0],
        copy: { _ = run(copier, copyArguments, input: $0) },
        paste: { run(paster, pasteArguments, input: nil) })
    }
    return .internal
  }

  /// The OSC 52 sequence that sets the terminal's clipboard to `text`.
  static func osc52(_ text: String) -> String {
    "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
  }

  private static func executable(_ name: String, path: String) -> String? {
    path.split(separator: ":").map { "\($0)/\(name)" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// Runs a clipboard tool with `input` on its stdin; returns its output. Gives up after a second:
  /// a clipboard must never hang the editor.
  private static func run(_ tool: String, _ arguments: [String], input: String?) -> String? {
    // The tool needs the session's display variables; the editor's environment is the user's own.
    guard
      let output = HelperProcess.run(
        tool, arguments, input: Array((input ?? "").utf8), environment: ProcessInfo.processInfo.environment),
      output.exitCode == 0
    else { return nil }
    return String(decoding: output.stdout, as: UTF8.self)
  }
}
