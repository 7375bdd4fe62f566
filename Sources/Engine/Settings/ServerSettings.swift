/// `[server]`: what `coderemote serve` takes from clients. Each key left out keeps the server's
/// default (docs/configuration.md); the command line's `--workers` and the rest come on top.
public struct ServerSettings: Sendable, Equatable {
  /// Files a request may bring, and their bytes together in KiB.
  public var maximumFiles: Int?
  public var maximumFileKilobytes: Int?
  /// Per token: submissions a second on average, and the burst above it.
  public var ratePerSecond: Double?
  public var rateBurst: Int?
  /// Per token: jobs queued or running at once.
  public var jobsPerToken: Int?
  /// Jobs that may wait before a submission is refused with 503.
  public var queueCapacity: Int?
  /// Finished jobs are kept this many hours.
  public var retentionHours: Double?

  public init() {}
}
