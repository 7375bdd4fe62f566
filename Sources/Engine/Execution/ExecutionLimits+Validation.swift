extension ExecutionLimits {
  /// What makes these limits unusable, in words, or nil. A limit of zero or less would mean "no
  /// limit" to the kernel, so it is refused rather than passed on.
  public var problem: String? {
    let fields: [(String, Int)] = [
      ("wall_ms", wallMilliseconds), ("cpu_ms", cpuMilliseconds), ("memory_mb", memoryMegabytes),
      ("output_kb", outputKilobytes), ("processes", processes), ("file_size_mb", fileSizeMegabytes),
      ("open_files", openFiles),
    ]
    guard let (name, value) = fields.first(where: { $0.1 <= 0 }) else { return nil }
    return "limits.\(name) must be positive, not \(value)"
  }
}
