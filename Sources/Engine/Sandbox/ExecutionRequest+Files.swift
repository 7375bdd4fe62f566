import Execution

extension ExecutionRequest {
  /// Why the request's files cannot go into its box, in words, or nil: a bad or repeated name, a
  /// name a shared path (`--with`, `[run] with`) already has, or more than the work dir holds (its
  /// tmpfs is `scratchMegabytes`, of which the program's own `main.py` and room to work come first).
  /// The server checks the same with its own, smaller caps before a job is queued; this is the
  /// backend's own wall, for every caller.
  func filesProblem(sharedNames: [String]) -> String? {
    for file in files {
      if let problem = ExecutionFile.nameProblem(file.name) { return "file \(file.name): \(problem)" }
      let top = String(file.name.split(separator: "/").first ?? "")
      if sharedNames.contains(top) { return "file \(file.name): \(top) is a shared path's name" }
    }
    if let (index, problem) = ExecutionFile.conflict(in: files) {
      return "file \(files[index].name): \(problem)"
    }
    let entries = files.count + ExecutionFile.directories(of: files).count
    if entries > Self.maximumFileEntries {
      return
        "\(entries) files and directories are more than a run's work dir takes (\(Self.maximumFileEntries))"
    }
    let bytes = files.reduce(code.utf8.count) { $0 + $1.contents.count }
    let room = limits.scratchMegabytes * 1_048_576 / 2
    if bytes > room {
      return "the program and its files are \(bytes) bytes, more than half the work dir (\(room) bytes)"
    }
    return nil
  }

  /// Files and directories a request may bring: a quarter of the work dir's inodes.
  static let maximumFileEntries = WorkDirectory.inodeLimit / 4
}
