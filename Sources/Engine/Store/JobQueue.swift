/// Where a job is: waiting for a worker, on one, or done (its result stored).
public enum JobState: String, Sendable, Codable {
  case queued
  case running
  case finished
}

/// One job as the queue keeps it. The request and the result are the server's JSON, opaque here:
/// the queue orders and hands out work, it does not read it.
public struct QueuedJob: Sendable, Equatable {
  public var id: String
  /// The token that submitted it (`nil` for an anonymous server).
  public var owner: String?
  public var state: JobState
  public var request: [UInt8]
  public var result: [UInt8]?
  /// How many times a worker has taken it: more than one means a server stopped while it ran.
  public var attempts: Int
  public var createdAt: Double
  public var startedAt: Double?
  public var finishedAt: Double?

  public init(
    id: String, owner: String?, state: JobState, request: [UInt8], result: [UInt8]? = nil,
    attempts: Int = 0, createdAt: Double, startedAt: Double? = nil, finishedAt: Double? = nil
  ) {
    self.id = id
    self.owner = owner
    self.state = state
    self.request = request
    self.result = result
    self.attempts = attempts
    self.createdAt = createdAt
    self.startedAt = startedAt
    self.finishedAt = finishedAt
  }
}

/// One stored event of a job (for SSE replay): ids increase across the whole queue, so they stay
/// increasing for a job that was requeued and run again.
public struct JobEvent: Sendable, Equatable {
  public var id: Int64
  public var kind: String
  public var data: [UInt8]

  public init(id: Int64, kind: String, data: [UInt8]) {
    self.id = id
    self.kind = kind
    self.data = data
  }
}

/// How many jobs wait and run.
public struct QueueDepth: Sendable, Equatable {
  public var queued: Int
  public var running: Int

  public init(queued: Int, running: Int) {
    self.queued = queued
    self.running = running
  }
}

/// The durable queue the server's workers take jobs from: queued → running → finished. SQLite is the
/// embedded default (`SQLiteJobQueue`); the interface is small so that several server nodes can
/// later share one PostgreSQL queue (`FOR UPDATE SKIP LOCKED` in `claim`, `LISTEN/NOTIFY` to wake).
/// Every state change is one atomic statement, so two workers never take the same job and a cancel
/// never races a claim.
public protocol JobQueue: Sendable {
  /// Adds a queued job, unless `capacity` jobs already wait: then returns false and adds nothing.
  func submit(_ job: QueuedJob, capacity: Int) async throws -> Bool
  /// Takes the oldest queued job (now `running`, its attempts counted), if any.
  func claim(at time: Double) async throws -> QueuedJob?
  /// Stores an event of a running job; returns its id.
  func append(kind: String, data: [UInt8], to job: String) async throws -> Int64
  /// Records a job's result and its last event (`kind`, `data`) in one transaction; the job is
  /// `finished` from then on. Returns the event's id, or nil when the job had already finished (or,
  /// with `onlyIfQueued`, had been taken by a worker: a cancel that lost the race).
  func finish(
    _ job: String, result: [UInt8], event: (kind: String, data: [UInt8]), onlyIfQueued: Bool, at time: Double
  )
    async throws -> Int64?
  /// Puts a running job back in the queue (graceful shutdown, crash recovery); its events go, so a
  /// replay shows only the run that counts.
  func requeue(_ job: String) async throws
  func job(_ id: String) async throws -> QueuedJob?
  /// A job's stored events after the one with id `after` (0: all), in order.
  func events(of job: String, after: Int64) async throws -> [JobEvent]
  func depth() async throws -> QueueDepth
  /// Jobs of `owner` that are queued or running (for the concurrent-job quota).
  func activeJobs(of owner: String?) async throws -> Int
  /// Jobs left `running`: at start-up, those a stopped server was running.
  func running() async throws -> [QueuedJob]
  /// Deletes jobs finished before `time`, and their events; returns how many jobs.
  func deleteFinished(before time: Double) async throws -> Int
}
