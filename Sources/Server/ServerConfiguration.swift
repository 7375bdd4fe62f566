import Execution

/// How `coderemote serve` runs: where it listens, how much work it takes, and what a client may ask.
public struct ServerConfiguration: Sendable {
  public var host = "127.0.0.1"
  /// 0 picks a free port; the server prints the one it got.
  public var port = 8080
  /// Worker slots: jobs that run at once.
  public var workers = 2
  /// Jobs that may wait; one more is refused with 503.
  public var queueCapacity = 256
  public var allowAnonymous = false
  /// A request body larger than this is refused with 413.
  public var maximumBodyBytes = 1 << 20
  /// A stdin chunk (POST …/stdin, a WebSocket message) larger than this is refused with 413.
  public var maximumStdinChunkBytes = 64 << 10
  /// Files a request may bring (`files`), and their bytes together (decoded).
  public var maximumFiles = 32
  public var maximumFileBytes = 512 << 10
  /// The limits a run gets when it asks for none; also the warm boxes' limits, so such runs start warm.
  public var defaultLimits = ExecutionLimits.defaults
  /// The most a client may ask for: larger values are lowered to these.
  public var maximumLimits = ExecutionLimits(
    wallMilliseconds: 60_000, cpuMilliseconds: 30_000, memoryMegabytes: 1_024, outputKilobytes: 8_192,
    processes: 256, fileSizeMegabytes: 64, openFiles: 1_024)
  /// Per token: submissions a second on average, and the burst allowed above that.
  public var ratePerSecond = 20.0
  public var rateBurst = 40.0
  /// Per token: jobs queued or running at once.
  public var concurrentJobsPerToken = 16
  /// Finished jobs and their output are kept this long, then deleted.
  public var retentionSeconds = 24.0 * 3600
  /// How often the cleanup runs.
  public var cleanupIntervalSeconds = 60.0
  /// A comment line goes down an idle event stream this often.
  public var heartbeatSeconds = 15.0
  /// Events buffered for one slow client; past this the client is dropped (it may resume).
  public var subscriberBuffer = 1_024
  /// On SIGTERM: how long running jobs may go on before they are stopped and requeued.
  public var shutdownGraceSeconds = 10.0
  /// A connection that sends nothing for this long is closed (slow or stalled clients).
  public var idleTimeoutSeconds = 30.0
  /// A job a server stopped while running is requeued this many times, then failed with a reason.
  public var maximumAttempts = 2

  public init() {}
}
