/// A file a run gets beside its program (Judge0's `additional_files`): written into the work dir
/// before the program starts, under `name`, a relative path (see `nameProblem`). The program owns
/// it there and may change it; nothing of it goes back to the caller.
public struct ExecutionFile: Sendable, Equatable {
  /// A relative path such as `data.csv` or `lib/util.py`; its directories are made as needed.
  public var name: String
  public var contents: [UInt8]

  public init(name: String, contents: [UInt8]) {
    self.name = name
    self.contents = contents
  }
}
