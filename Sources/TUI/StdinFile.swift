/// A file attached to the buffer as its runs' standard input (`coderemote edit --stdin FILE`):
/// each run reads it and then end of file, instead of what is typed in the stdin field.
public struct StdinFile: Sendable, Equatable {
  /// What the status bar calls it: the path as given.
  public var name: String
  public var bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}
