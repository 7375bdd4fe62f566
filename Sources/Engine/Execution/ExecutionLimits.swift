/// The resources one run may use. Every run carries its limits in its result.
public struct ExecutionLimits: Codable, Equatable, Sendable {
  public var wallMilliseconds: Int
  public var cpuMilliseconds: Int
  public var memoryMegabytes: Int
  public var outputKilobytes: Int
  public var processes: Int
  public var fileSizeMegabytes: Int
  public var openFiles: Int

  public init(
    wallMilliseconds: Int = 10_000, cpuMilliseconds: Int = 5_000, memoryMegabytes: Int = 256,
    outputKilobytes: Int = 1_024, processes: Int = 64, fileSizeMegabytes: Int = 16, openFiles: Int = 256
  ) {
    self.wallMilliseconds = wallMilliseconds
    self.cpuMilliseconds = cpuMilliseconds
    self.memoryMegabytes = memoryMegabytes
    self.outputKilobytes = outputKilobytes
    self.processes = processes
    self.fileSizeMegabytes = fileSizeMegabytes
    self.openFiles = openFiles
  }

  public static let defaults = ExecutionLimits()

  enum CodingKeys: String, CodingKey {
    case wallMilliseconds = "wall_ms"
    case cpuMilliseconds = "cpu_ms"
    case memoryMegabytes = "memory_mb"
    case outputKilobytes = "output_kb"
    case processes
    case fileSizeMegabytes = "file_size_mb"
    case openFiles = "open_files"
  }

  /// Missing keys take their defaults, so clients may send only what they change.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = ExecutionLimits.defaults
    wallMilliseconds = try c.decodeIfPresent(Int.self, forKey: .wallMilliseconds) ?? d.wallMilliseconds
    cpuMilliseconds = try c.decodeIfPresent(Int.self, forKey: .cpuMilliseconds) ?? d.cpuMilliseconds
    memoryMegabytes = try c.decodeIfPresent(Int.self, forKey: .memoryMegabytes) ?? d.memoryMegabytes
    outputKilobytes = try c.decodeIfPresent(Int.self, forKey: .outputKilobytes) ?? d.outputKilobytes
    processes = try c.decodeIfPresent(Int.self, forKey: .processes) ?? d.processes
    fileSizeMegabytes = try c.decodeIfPresent(Int.self, forKey: .fileSizeMegabytes) ?? d.fileSizeMegabytes
    openFiles = try c.decodeIfPresent(Int.self, forKey: .openFiles) ?? d.openFiles
  }
}
