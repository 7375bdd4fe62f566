/// One program to run: what it is, what it reads, and what it may use.
public struct ExecutionRequest: Sendable, Equatable {
  public var language: String
  public var code: String
  /// Given up front: fed to the program first. Standard input is then closed, unless
  /// `keepsStdinOpen` asks for more to come through `ExecutionHandle.send(stdin:)`.
  public var stdin: [UInt8]
  /// Keeps standard input open after `stdin` until `ExecutionHandle.closeStdin()`, for a program
  /// that is typed to while it runs (the editor's input field, a WebSocket client).
  public var keepsStdinOpen: Bool
  public var limits: ExecutionLimits

  public init(
    language: String = "python", code: String, stdin: [UInt8] = [], keepsStdinOpen: Bool = false,
    limits: ExecutionLimits = .defaults
  ) {
    self.language = language
    self.code = code
    self.stdin = stdin
    self.keepsStdinOpen = keepsStdinOpen
    self.limits = limits
  }
}
