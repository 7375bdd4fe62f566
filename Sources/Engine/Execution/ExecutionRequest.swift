/// One program to run: what it is, what it reads, and what it may use.
public struct ExecutionRequest: Sendable, Equatable {
  public var language: String
  public var code: String
  /// The name the program runs under in tracebacks and warnings: the file as the user knows it
  /// (`coderemote run path/to/x.py`, the editor's buffer). Only a label: the program's file in the
  /// box is still `main.py` (docs/security.md, "What the program sees").
  public var displayName: String
  /// The program's `sys.argv[1:]`, passed as they are (never through a shell).
  public var arguments: [String]
  /// Host files and directories the program sees beside it, read-only, under their own names
  /// (`run --with PATH`). Local runs only; what is refused is in docs/security.md.
  public var sharedPaths: [String]
  /// Files written into the work dir beside `main.py` before the program starts, the program's
  /// own to read and change (a server request's `files`). What is checked is in docs/security.md.
  public var files: [ExecutionFile]
  /// Given up front: fed to the program first. Standard input is then closed, unless
  /// `keepsStdinOpen` asks for more to come through `ExecutionHandle.send(stdin:)`.
  public var stdin: [UInt8]
  /// Keeps standard input open after `stdin` until `ExecutionHandle.closeStdin()`, for a program
  /// that is typed to while it runs (the editor's input field, a WebSocket client).
  public var keepsStdinOpen: Bool
  public var limits: ExecutionLimits
  /// How much of each stream the result keeps, when less than all of it (up to the output cap).
  /// A caller that shows output as it streams (the editor) needs only the start in the result, so
  /// a 100 MB run does not cost 100 MB of memory. The cap that ends the run is still `limits`'.
  public var resultOutputKilobytes: Int?

  public init(
    language: String = "python", code: String, displayName: String = "main.py", arguments: [String] = [],
    sharedPaths: [String] = [], files: [ExecutionFile] = [], stdin: [UInt8] = [],
    keepsStdinOpen: Bool = false,
    limits: ExecutionLimits = .defaults, resultOutputKilobytes: Int? = nil
  ) {
    self.language = language
    self.code = code
    self.displayName = displayName
    self.arguments = arguments
    self.sharedPaths = sharedPaths
    self.files = files
    self.stdin = stdin
    self.keepsStdinOpen = keepsStdinOpen
    self.limits = limits
    self.resultOutputKilobytes = resultOutputKilobytes
  }
}
