/// One program to run: what it is, what it reads, and what it may use.
public struct ExecutionRequest: Sendable, Equatable {
  public var language: String
  public var code: String
  public var stdin: [UInt8]
  public var limits: ExecutionLimits

  public init(
    language: String = "python", code: String, stdin: [UInt8] = [], limits: ExecutionLimits = .defaults
  ) {
    self.language = language
    self.code = code
    self.stdin = stdin
    self.limits = limits
  }
}
