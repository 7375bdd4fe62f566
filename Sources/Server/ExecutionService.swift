import Execution
import FoundationEssentials
import Glibc
import Logging
import Store
import Synchronization

/// The jobs: accepting them (quotas, rate limits, a bounded queue), running them on N worker slots
/// through the backend, storing their events and results, and serving those to clients. The HTTP
/// and WebSocket routes are thin layers over this.
final class ExecutionService: Sendable {
  let queue: any JobQueue
  let backend: any ExecutionBackend
  let configuration: ServerConfiguration
  /// The isolation results report (for results the server makes itself: a cancel before a start).
  let isolation: String
  let live: LiveJobs
  let metrics = ServerMetrics()
  let logger: Logger
  private let rateLimits: RateLimits
  private let wakeUp: Semaphore
  /// Set on SIGTERM: no new jobs are accepted or started.
  private let draining = Atomic<Bool>(false)
  /// Jobs a worker is running, and which of them are being stopped to be requeued.
  private let requeueing = Mutex<Set<String>>([])

  init(
    queue: any JobQueue, backend: any ExecutionBackend, isolation: String, configuration: ServerConfiguration,
    logger: Logger
  ) {
    self.queue = queue
    self.backend = backend
    self.isolation = isolation
    self.configuration = configuration
    self.logger = logger
    live = LiveJobs(buffer: configuration.subscriberBuffer)
    rateLimits = RateLimits(ratePerSecond: configuration.ratePerSecond, burst: configuration.rateBurst)
    wakeUp = Semaphore()
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  // MARK: Accepting

  /// The checks every piece of work passes before it is taken: not shutting down, within the
  /// caller's rate limit.
  func admit(callerKey: String) throws(APIError) {
    if draining.load(ordering: .relaxed) {
      throw APIError.busy("shutting_down", "the server is shutting down", retryAfter: 5)
    }
    if let wait = rateLimits.take(callerKey, now: Self.now()) {
      throw APIError.rateLimited("this token's rate limit is reached", retryAfter: wait)
    }
  }

  /// Queues a job for `caller`, or says why not (429, 503).
  func submit(_ submission: Submission, caller: String?, callerKey: String) async throws(APIError) -> String {
    do {
      try admit(callerKey: callerKey)
      let active = try await queue.activeJobs(of: caller)
      if active >= configuration.concurrentJobsPerToken {
        throw APIError.rateLimited(
          "this token already has \(active) jobs queued or running (the most is \(configuration.concurrentJobsPerToken))",
          retryAfter: 1)
      }
      let id = Self.newJobID()
      let job = QueuedJob(
        id: id, owner: caller, state: .queued, request: JSON.encode(submission), createdAt: Self.now())
      guard try await queue.submit(job, capacity: configuration.queueCapacity) else {
        throw APIError.busy(
          "queue_full", "the queue is full (\(configuration.queueCapacity) jobs wait)", retryAfter: 2)
      }
      metrics.submitted()
      wakeUp.signal()
      logger.info("job queued", metadata: ["job": "\(id)", "caller": "\(callerKey)"])
      return id
    } catch let error as APIError {
      metrics.rejected(error.code)
      throw error
    } catch {
      logger.error("cannot queue a job", metadata: ["error": "\(error)"])
      throw APIError.unavailable("the job queue cannot be written: \(error)")
    }
  }

  static func newJobID() -> String {
    TokenSecret.randomHex(bytes: 12)
  }

  /// The job if `caller` may see it: another token's job is reported as missing.
  func job(_ id: String, caller: String?) async throws(APIError) -> QueuedJob {
    let found: QueuedJob?
    do { found = try await queue.job(id) } catch {
      throw APIError.unavailable("the job queue cannot be read: \(error)")
    }
    guard let found, found.owner == caller || configuration.allowAnonymous && found.owner == nil else {
      throw APIError.notFound("no execution \(id)")
    }
    return found
  }

  /// The execution as GET returns it: the stored result once finished, else its state.
  static func body(of job: QueuedJob) -> [UInt8] {
    if job.state == .finished, let result = job.result { return result }
    return Array("{\"id\":\"\(job.id)\",\"status\":\"\(job.state.rawValue)\"}".utf8)
  }

  /// Cancels a queued job at once (it never runs) or stops a running one; 409 when it has finished.
  func cancel(_ job: QueuedJob) async throws(APIError) -> JobState {
    if job.state == .finished { throw APIError.conflict("execution \(job.id) has already finished") }
    let limits = (try? JSONDecoder().decode(Submission.self, from: Data(job.request)))?.limits ?? .defaults
    let result = ExecutionResult(
      id: job.id, status: .cancelled, isolation: isolation, limits: limits,
      message: "cancelled before it started")
    let payload = EventPayload.result(result)
    do {
      if let eventID = try await queue.finish(
        job.id, result: payload, event: (EventPayload.finished, payload), onlyIfQueued: true, at: Self.now())
      {
        live.publish(JobEvent(id: eventID, kind: EventPayload.finished, data: payload), of: job.id)
        live.end(job.id)
        metrics.finished(.cancelled, seconds: 0)
        return .finished
      }
    } catch {
      throw APIError.unavailable("the job queue cannot be written: \(error)")
    }
    live.cancel(job.id)
    return .running
  }

  /// Sends standard input to a running interactive job.
  func sendStdin(_ bytes: [UInt8], eof: Bool, to job: QueuedJob) throws(APIError) {
    guard job.state != .finished else { throw APIError.conflict("execution \(job.id) has finished") }
    let submission = try? JSONDecoder().decode(Submission.self, from: Data(job.request))
    guard submission?.interactive == true else {
      throw APIError.conflict("execution \(job.id) was not started with \"interactive\": true")
    }
    guard let control = live.control(of: job.id) else {
      throw APIError.conflict("execution \(job.id) has not started yet")
    }
    if !bytes.isEmpty { control.send(stdin: bytes) }
    if eof { control.closeStdin() }
  }

  // MARK: Watching

  /// The job's events after `lastEventID`: what is stored, then live ones until it finishes. The
  /// stream ends after `finished`, or with `closed` when this subscriber is dropped.
  func watch(_ job: String, after lastEventID: Int64) -> AsyncStream<LiveItem> {
    let jobs = self.live
    let (subscriber, live) = jobs.subscribe(job)
    let (stream, out) = AsyncStream.makeStream(of: LiveItem.self)
    let heartbeat = configuration.heartbeatSeconds
    let task = Task { [queue] in
      var last = lastEventID
      let beat = Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(heartbeat))
          if Task.isCancelled { break }
          jobs.send(.heartbeat, to: job, subscriber: subscriber)
        }
      }
      defer {
        beat.cancel()
        jobs.unsubscribe(job, subscriber)
        out.finish()
      }
      // Subscribed first, read storage second: nothing falls between the two.
      let stored = (try? await queue.events(of: job, after: last)) ?? []
      for event in stored {
        out.yield(.event(event))
        last = event.id
        if event.kind == EventPayload.finished { return }
      }
      if (try? await queue.job(job))?.state == .finished {
        for event in (try? await queue.events(of: job, after: last)) ?? [] { out.yield(.event(event)) }
        return
      }
      for await item in live {
        switch item {
        case .event(let event):
          guard event.id > last else { continue }
          last = event.id
          out.yield(item)
          if event.kind == EventPayload.finished { return }
        case .heartbeat: out.yield(item)
        case .closed: out.yield(item); return
        }
      }
      // The live stream ended without `finished`: this subscriber was too slow and was dropped.
      out.yield(.closed("the client did not keep up; reconnect with Last-Event-ID \(last)"))
    }
    out.onTermination = { _ in task.cancel() }
    return stream
  }

  // MARK: Running

  /// Runs jobs on `configuration.workers` slots until `stop()`; then lets running jobs go on for
  /// the grace period, and stops and requeues the ones still going.
  func runWorkers() async {
    await withTaskGroup(of: Void.self) { group in
      for slot in 0..<configuration.workers {
        group.addTask { await self.work(slot: slot) }
      }
    }
  }

  private func work(slot: Int) async {
    while !draining.load(ordering: .relaxed) {
      let job: QueuedJob?
      do { job = try await queue.claim(at: Self.now()) } catch {
        logger.error("cannot claim a job", metadata: ["error": "\(error)"])
        try? await Task.sleep(for: .seconds(1))
        continue
      }
      guard let job else {
        await wakeUp.wait()
        continue
      }
      await run(job, slot: slot)
    }
  }

  private func run(_ job: QueuedJob, slot: Int) async {
    var logger = self.logger
    logger[metadataKey: "job"] = "\(job.id)"
    guard let submission = try? JSONDecoder().decode(Submission.self, from: Data(job.request)) else {
      await finish(
        job.id, with: internalResult(job.id, .defaults, "the stored request cannot be read"), logger: logger)
      return
    }
    let started = Self.now()
    await store(EventPayload.status, EventPayload.status(.running), of: job.id, logger: logger)
    logger.info("job started", metadata: ["slot": "\(slot)", "attempt": "\(job.attempts)"])
    // An interactive job's request keeps stdin open: POST …/stdin and WebSocket `stdin` reach the
    // program through the handle while it runs. A cancel through the handle still ends the events
    // with the run's (`cancelled`) result.
    let run = backend.run(submission.request)
    if live.attach(job.id, control: run) { run.cancel() }
    var result: ExecutionResult?
    do {
      for try await event in run.events {
        switch event {
        case .started: break
        case .stdout(let bytes):
          await store(EventPayload.stdout, EventPayload.output(bytes), of: job.id, logger: logger)
        case .stderr(let bytes):
          await store(EventPayload.stderr, EventPayload.output(bytes), of: job.id, logger: logger)
        case .finished(let finished): result = finished
        }
      }
    } catch let error as ExecutionError {
      if error.code == .noFreeUid, !isDraining {
        // Every sandbox uid is busy for a moment: the job waits its turn again, it has not failed.
        try? await queue.requeue(job.id)
        live.detach(job.id)
        try? await Task.sleep(for: .milliseconds(250))
        wakeUp.signal()
        return
      }
      result = internalResult(job.id, submission.limits, error.description, code: error.code)
    } catch {
      result = internalResult(job.id, submission.limits, "\(error)")
    }
    if requeueing.withLock({ $0.remove(job.id) != nil }) {
      try? await queue.requeue(job.id)
      live.end(job.id, with: .closed("the server is shutting down; the job was requeued"))
      logger.info("job requeued for the next start")
      return
    }
    var final = result ?? internalResult(job.id, submission.limits, "the run ended without a result")
    final.id = job.id
    metrics.finished(final.status, seconds: Self.now() - started)
    await finish(job.id, with: final, logger: logger)
  }

  /// A job that ended without a run's result; `code` says why when the program never started.
  private func internalResult(
    _ id: String, _ limits: ExecutionLimits, _ message: String, code: ExecutionError.Code? = nil
  ) -> ExecutionResult {
    ExecutionResult(
      id: id, status: .internalError, isolation: isolation, limits: limits, message: message, errorCode: code)
  }

  private func store(_ kind: String, _ data: [UInt8], of job: String, logger: Logger) async {
    do {
      let id = try await queue.append(kind: kind, data: data, to: job)
      live.publish(JobEvent(id: id, kind: kind, data: data), of: job)
    } catch {
      logger.error("cannot store an event", metadata: ["error": "\(error)"])
    }
  }

  private func finish(_ job: String, with result: ExecutionResult, logger: Logger) async {
    let payload = EventPayload.result(result)
    do {
      if let id = try await queue.finish(
        job, result: payload, event: (EventPayload.finished, payload), onlyIfQueued: false, at: Self.now())
      {
        live.publish(JobEvent(id: id, kind: EventPayload.finished, data: payload), of: job)
      }
    } catch {
      logger.error("cannot store a result", metadata: ["error": "\(error)"])
    }
    live.end(job)
    logger.info(
      "job finished",
      metadata: ["status": "\(result.status.rawValue)", "wall_ms": "\(result.wallMilliseconds)"])
  }

  // MARK: Start and stop

  /// At start: jobs a stopped server left `running` are requeued, or failed with a reason once they
  /// have been tried `maximumAttempts` times (a program that kills the server is not run forever).
  func recover() async throws {
    for job in try await queue.running() {
      if job.attempts < configuration.maximumAttempts {
        try await queue.requeue(job.id)
        logger.notice("requeued a job the last server left running", metadata: ["job": "\(job.id)"])
      } else {
        let limits =
          (try? JSONDecoder().decode(Submission.self, from: Data(job.request)))?.limits ?? .defaults
        let result = internalResult(
          job.id, limits,
          "the server stopped while this job ran, \(job.attempts) times; it is not tried again")
        let payload = EventPayload.result(result)
        _ = try await queue.finish(
          job.id, result: payload, event: (EventPayload.finished, payload), onlyIfQueued: false,
          at: Self.now())
        logger.notice("failed a job the server stopped on repeatedly", metadata: ["job": "\(job.id)"])
      }
    }
  }

  /// Deletes what the retention period has passed, every cleanup interval, until cancelled.
  func cleanUp() async {
    while !Task.isCancelled {
      do {
        let removed = try await queue.deleteFinished(before: Self.now() - configuration.retentionSeconds)
        if removed > 0 { logger.info("deleted expired jobs", metadata: ["count": "\(removed)"]) }
      } catch {
        logger.error("cannot delete expired jobs", metadata: ["error": "\(error)"])
      }
      try? await Task.sleep(for: .seconds(configuration.cleanupIntervalSeconds))
    }
  }

  /// Graceful stop: no new jobs; running ones get the grace period, then are stopped and requeued.
  func drain() async {
    draining.store(true, ordering: .relaxed)
    wakeUp.signalAll(count: configuration.workers)
    let deadline = Self.now() + configuration.shutdownGraceSeconds
    while Self.now() < deadline, !live.runningControls.isEmpty {
      try? await Task.sleep(for: .milliseconds(50))
    }
    let left = live.runningControls
    if !left.isEmpty {
      logger.notice(
        "stopping jobs past the grace period to requeue them", metadata: ["count": "\(left.count)"])
    }
    requeueing.withLock { $0.formUnion(left.keys) }
    for control in left.values { control.cancel() }
  }

  var isDraining: Bool { draining.load(ordering: .relaxed) }
}
