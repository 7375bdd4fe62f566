import CSandbox
import Execution
import Glibc
import Processes
import Settings

/// One box with its interpreter started (made by `BoxBuilder`): runs one program, then kills whatever
/// is left of it (by cgroup, or by uid) and removes what it made on the host. A warm box has not
/// got its program yet — its interpreter waits on a pipe — so a run that takes it skips the box's
/// set-up and the interpreter's start-up.
/// Used by one thread at a time; `WarmBoxPool` hands a box over under its lock.
final class PreparedBox: @unchecked Sendable {
  let process: SpawnedProcess
  let isolation: String
  let limits: ExecutionLimits
  /// The box's uid, held until the box is discarded (or released with it).
  private var lease: UidLease?
  private let cgroup: RunCgroup?
  private let workDirectory: WorkDirectory?
  /// The write end of a warm box's program pipe; nil once the program is sent, or for a cold box.
  private var programPipe: Int32?
  /// The read end of a warm box's ready pipe, until the bootstrap's byte (or its end) is read.
  private var readyPipe: Int32?
  private let throughBubblewrap: Bool
  private let killByUid: Bool
  private var done = false

  init(
    process: SpawnedProcess, lease: UidLease?, cgroup: RunCgroup?, workDirectory: WorkDirectory?,
    warmPipes: (program: Int32, ready: Int32)?, isolation: String, limits: ExecutionLimits,
    throughBubblewrap: Bool, killByUid: Bool
  ) {
    self.process = process
    self.lease = lease
    self.cgroup = cgroup
    self.workDirectory = workDirectory
    self.programPipe = warmPipes?.program
    self.readyPipe = warmPipes?.ready
    self.isolation = isolation
    self.limits = limits
    self.throughBubblewrap = throughBubblewrap
    self.killByUid = killByUid
  }

  deinit { discard() }

  /// CPU the interpreter of a warm box spent starting before its program arrived: not the program's.
  private var startupCPU: Double = 0

  /// Whether a warm box's interpreter is still there, waiting (not killed or crashed meanwhile).
  var isWaiting: Bool {
    var info = siginfo_t()
    // WNOWAIT: look without reaping; si_pid stays 0 while the process has not exited.
    return !done && programPipe != nil
      && waitid(P_PID, id_t(process.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0
      && info._sifields._kill.si_pid == 0
  }

  /// What the pool polls to learn that a warm box's interpreter waits for its program.
  var readyDescriptor: Int32? { readyPipe }

  /// Reads what the ready pipe holds, once poll(2) said it holds something: true for the
  /// bootstrap's byte (it waits for its program now), false when the interpreter ended first.
  func readReadySignal() -> Bool {
    guard let pipe = readyPipe else { return false }
    readyPipe = nil
    var byte: UInt8 = 0
    var got: Int
    repeat { got = read(pipe, &byte, 1) } while got < 0 && errno == EINTR
    close(pipe)
    return got == 1
  }

  /// Sends a ready warm box its program, under the name its tracebacks give it. False when the
  /// interpreter died waiting (killed from outside, say): that is not a result, the caller runs the
  /// program in a new box. The box waits, so everything its interpreter did so far was its start-up,
  /// and none of that CPU time is the program's.
  func send(name: String, program: [UInt8]) -> Bool {
    guard let pipe = programPipe else { return false }
    startupCPU = cpuMilliseconds() ?? 0
    programPipe = nil
    let sent = LiveWrite.all(PythonBootstrap.warmMessage(name: name, program: program), to: pipe)
    close(pipe)
    return sent
  }

  /// Runs the program (a cold box's own, a warm box's once sent; the request's limits must be the
  /// box's) to the end and cleans up; its standard input comes through `supervisor`.
  func run(
    _ request: ExecutionRequest, id: String, supervisor: Supervisor, onStart: () -> Void,
    onOutput: (Supervisor.Stream, [UInt8]) -> Void
  ) -> ExecutionResult {
    defer { cleanUp() }
    var outcome = supervisor.supervise(
      process, wallMilliseconds: limits.wallMilliseconds,
      outputCapBytes: limits.outputKilobytes * 1_024,
      keptOutputBytes: request.resultOutputKilobytes.map { $0 * 1_024 } ?? .max, onStart: { _ in onStart() },
      onOutput: onOutput,
      killBox: killBox)
    PhaseTrace.mark("program ended")
    if let cpu = cgroup?.cpuMilliseconds, cpu > outcome.cpuMilliseconds { outcome.cpuMilliseconds = cpu }
    outcome.cpuMilliseconds = max(0, outcome.cpuMilliseconds - startupCPU)
    let classifier = RunClassifier(
      limits: limits, throughBubblewrap: throughBubblewrap, oomKilled: cgroup?.oomKilled ?? false)
    let verdict = classifier.classify(outcome)
    var maxRSS = outcome.maxRSSKilobytes
    if maxRSS == 0, let peak = cgroup?.peakMemoryKilobytes { maxRSS = peak }
    return ExecutionResult(
      id: id, status: verdict.status, exitCode: verdict.exitCode, signal: verdict.signal,
      stdout: outcome.stdout, stderr: outcome.stderr, stdoutTruncated: outcome.stdoutTruncated,
      stderrTruncated: outcome.stderrTruncated, wallMilliseconds: outcome.wallMilliseconds,
      cpuMilliseconds: outcome.cpuMilliseconds, maxRSSKilobytes: maxRSS,
      backend: "local", isolation: isolation, limits: limits, message: verdict.message)
  }

  /// Kills the box, reaps its interpreter, removes what it made and gives its uid back; a box not
  /// run is discarded so.
  func discard() {
    guard !done else { return }
    process.signalGroup(SIGKILL)
    killBox()
    var status = cs_status()
    _ = cs_wait(process.pid, &status)
    cleanUp()
    lease = nil
  }

  /// Every process of the run is in its cgroup, and inside namespaces also in its PID namespace,
  /// which the kernel empties when the program (or bubblewrap) goes; without either, the uid is what
  /// finds the processes that left the process group (at the cost of forking a helper).
  private func killBox() {
    if killByUid { lease?.killEverything() }
    cgroup?.killAll()
  }

  /// Runs last: after the box is killed, what the run made on the host goes.
  private func cleanUp() {
    guard !done else { return }
    done = true
    for end in [programPipe, readyPipe] { if let end { close(end) } }
    (programPipe, readyPipe) = (nil, nil)
    cgroup?.remove()
    workDirectory?.remove()
    PhaseTrace.mark("cleaned up")
  }

  /// CPU time used so far: the cgroup's (every process of the box), else the interpreter's own.
  private func cpuMilliseconds() -> Double? {
    if let cpu = cgroup?.cpuMilliseconds { return cpu }
    var clock = clockid_t()
    var time = timespec()
    guard clock_getcpuclockid(process.pid, &clock) == 0, clock_gettime(clock, &time) == 0 else { return nil }
    return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1e6
  }
}
