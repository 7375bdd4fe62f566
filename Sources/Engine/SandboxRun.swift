import CSandbox
import FoundationEssentials
import Glibc

/// One program in its box: sets up every available layer, runs it under the supervisor, then kills
/// whatever is left (by uid and cgroup) and removes what the run made on the host.
struct SandboxRun {
  var request: ExecutionRequest
  var configuration: SandboxConfiguration
  var layers: SandboxLayers
  var interpreter: PythonInterpreter
  var id: String

  /// Isolated, no `site` (the bootstrap does what a program needs of it), unbuffered output.
  static let pythonFlags = ["-I", "-S", "-u"]
  static let bubblewrapProcesses = 1

  /// The run's environment: nothing of the caller's.
  static func environment(home: String, tmp: String) -> [String: String] {
    ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home, "TMPDIR": tmp]
  }

  func execute(
    supervisor: Supervisor, onStart: () -> Void, onOutput: (Supervisor.Stream, [UInt8]) -> Void
  ) throws -> ExecutionResult {
    let limits = request.limits
    var applied = layers
    let lease = layers.separateUid ? try UidLease.acquire(from: configuration.uidRange) : nil
    PhaseTrace.mark("uid leased")
    // The process limit is the program's: bubblewrap's own process comes on top.
    var boxLimits = limits
    if layers.bubblewrap != nil { boxLimits.processes += Self.bubblewrapProcesses }
    // Named after the uid when there is one, so a crashed run's cgroup is cleared by the next holder.
    let cgroupName = lease.map { "uid-\($0.uid)" } ?? "run-\(id)"
    let cgroup = layers.cgroups.flatMap { RunCgroup(support: $0, name: cgroupName, limits: boxLimits) }
    if cgroup == nil { applied.cgroups = nil }
    PhaseTrace.mark("cgroup made")
    let seccomp = layers.seccomp ? SeccompProgram.shared : nil

    var files = RunFiles()
    // Runs last: after the box is killed (below), what the run made on the host goes.
    defer {
      defer { PhaseTrace.mark("cleaned up") }
      files.closeDescriptors()
      cgroup?.remove()
      files.workDirectory?.remove()
    }
    var plan =
      switch layers.namespaces {
      case .native: try boxPlan(lease: lease, seccomp: seccomp, files: &files)
      case .bubblewrap(let bubblewrap):
        try bubblewrapPlan(bubblewrap, lease: lease, seccomp: seccomp, files: &files)
      case nil: try directPlan(lease: lease, seccomp: seccomp, files: &files)
      }
    plan.limits.addressSpaceBytes = UInt64(limits.memoryMegabytes) * 1_048_576
    plan.limits.cpuSeconds = UInt64((limits.cpuMilliseconds + 999) / 1_000)
    plan.limits.fileSizeBytes = UInt64(limits.fileSizeMegabytes) * 1_048_576
    plan.limits.openFiles = UInt64(limits.openFiles)
    plan.limits.processes = UInt64(boxLimits.processes) + (lease == nil ? Self.processesOfCurrentUser() : 0)
    if let lease { plan.limits.identity = (lease.uid, lease.uid) }
    plan.cgroupProcsFDs = cgroup?.procsFDs ?? []
    PhaseTrace.mark("files written")

    // Every process of the run is in its cgroup, and inside namespaces also in its PID namespace,
    // which the kernel empties when the program (or bubblewrap) goes; without either, the uid is what
    // finds the processes that left the process group (at the cost of forking a helper).
    let killByUid = layers.namespaces == nil && cgroup == nil
    func killBox() {
      if killByUid { lease?.killEverything() }
      cgroup?.killAll()
    }
    // The supervisor kills the box as soon as the program exits; if it never got that far, do it here.
    var supervised = false
    defer { if !supervised { killBox() } }
    var outcome = try supervisor.supervise(
      plan, stdin: request.stdin, wallMilliseconds: limits.wallMilliseconds,
      outputCapBytes: limits.outputKilobytes * 1_024,
      onStart: { _ in
        cgroup?.closeProcsFiles()
        files.closeDescriptors()
        onStart()
      },
      onOutput: onOutput, killBox: killBox)
    supervised = true
    PhaseTrace.mark("program ended")
    if let cpu = cgroup?.cpuMilliseconds, cpu > outcome.cpuMilliseconds { outcome.cpuMilliseconds = cpu }
    let classifier = RunClassifier(
      limits: limits, throughBubblewrap: layers.bubblewrap != nil, oomKilled: cgroup?.oomKilled ?? false)
    let verdict = classifier.classify(outcome)
    var maxRSS = outcome.maxRSSKilobytes
    if maxRSS == 0, let peak = cgroup?.peakMemoryKilobytes { maxRSS = peak }
    return ExecutionResult(
      id: id, status: verdict.status, exitCode: verdict.exitCode, signal: verdict.signal,
      stdout: outcome.stdout, stderr: outcome.stderr, stdoutTruncated: outcome.stdoutTruncated,
      stderrTruncated: outcome.stderrTruncated, wallMilliseconds: outcome.wallMilliseconds,
      cpuMilliseconds: outcome.cpuMilliseconds, maxRSSKilobytes: maxRSS,
      backend: "local", isolation: applied.isolation, limits: limits, message: verdict.message)
  }

  /// What a run made for its files: memfds for bubblewrap, or a host work dir.
  struct RunFiles {
    var descriptors: [Int32] = []
    var workDirectory: WorkDirectory?

    /// Keeps `fd` for the child and returns the number it will have there.
    mutating func pass(_ fd: Int32) -> Int32 {
      descriptors.append(fd)
      return LaunchPlan.firstInheritedFD + Int32(descriptors.count - 1)
    }

    mutating func closeDescriptors() {
      descriptors.forEach { close($0) }
      descriptors = []
    }
  }

  /// The interpreter's arguments: the bootstrap, then the program's path.
  private func pythonArguments(main: String) -> [String] {
    Self.pythonFlags + ["-c", PythonBootstrap.source(policy: configuration.importPolicy), main]
  }

  /// bubblewrap around the interpreter. As root the work dir is a host tmpfs capped in size and
  /// inodes, bound in; otherwise bubblewrap makes one and the files come in through memfds.
  private func bubblewrapPlan(
    _ bubblewrap: String, lease: UidLease?, seccomp: SeccompProgram?, files: inout RunFiles
  ) throws -> LaunchPlan {
    func memoryFile(_ name: String, _ bytes: [UInt8]) throws -> Int32 {
      let fd = bytes.withUnsafeBytes { cs_memfd_with(name, $0.baseAddress, $0.count) }
      guard fd >= 0 else { throw SpawnError(executable: bubblewrap, errno: errno) }
      return files.pass(fd)
    }
    let contents: BubblewrapCommand.Contents
    let hostDirectory = lease.flatMap { try? WorkDirectory(owner: $0.uid, limits: request.limits) }
    if let lease, let directory = hostDirectory, directory.mounted {
      files.workDirectory = directory
      try directory.write(Array(request.code.utf8), to: directory.workPath + "/main.py", owner: lease.uid)
      contents = .hostDirectory(directory.workPath)
    } else {
      hostDirectory?.remove()
      contents = .descriptor(main: try memoryFile("main.py", Array(request.code.utf8)))
    }
    var command = BubblewrapCommand(
      interpreter: interpreter.path, limits: request.limits,
      environment: Self.environment(home: BubblewrapCommand.workDirectory, tmp: "/tmp"), contents: contents)
    if let seccomp {
      guard let fd = seccomp.memoryFile() else { throw SpawnError(executable: bubblewrap, errno: errno) }
      command.seccompFD = files.pass(fd)
    }
    var plan = LaunchPlan(
      executable: bubblewrap,
      arguments: command.arguments + pythonArguments(main: BubblewrapCommand.mainPath),
      environment: ["PATH": "/usr/bin:/bin"], workingDirectory: "/")
    plan.inheritedFDs = files.descriptors
    return plan
  }

  /// The interpreter itself in the spawner's own box (root only): the work dir is a host tmpfs
  /// capped in size and inodes, bound in at /sandbox.
  private func boxPlan(lease: UidLease?, seccomp: SeccompProgram?, files: inout RunFiles) throws -> LaunchPlan
  {
    let directory = try WorkDirectory(owner: lease?.uid, limits: request.limits)
    files.workDirectory = directory
    try directory.write(Array(request.code.utf8), to: directory.workPath + "/main.py", owner: lease?.uid)
    var plan = LaunchPlan(
      executable: interpreter.path, arguments: pythonArguments(main: BoxLayout.workPath + "/main.py"),
      environment: Self.environment(home: BoxLayout.workPath, tmp: "/tmp"),
      workingDirectory: BoxLayout.workPath)
    plan.limits.seccompFilter = seccomp?.instructions ?? []
    plan.box = BoxLayout(
      workDirectory: directory.workPath, view: InterpreterView(interpreter: interpreter.path),
      tmpBytes: UInt64(BubblewrapCommand.tmpfsMegabytes(request.limits)) * 1_048_576)
    return plan
  }

  /// The interpreter itself in a host work dir, confined by Landlock and seccomp.
  private func directPlan(lease: UidLease?, seccomp: SeccompProgram?, files: inout RunFiles) throws
    -> LaunchPlan
  {
    let directory = try WorkDirectory(owner: lease?.uid, limits: request.limits)
    files.workDirectory = directory
    let main = directory.workPath + "/main.py"
    try directory.write(Array(request.code.utf8), to: main, owner: lease?.uid)
    var plan = LaunchPlan(
      executable: interpreter.path, arguments: pythonArguments(main: main),
      environment: Self.environment(home: directory.workPath, tmp: directory.workPath),
      workingDirectory: directory.workPath)
    plan.limits.seccompFilter = seccomp?.instructions ?? []
    plan.limits.landlock = layers.landlock.map {
      Self.landlockRules(abi: $0, directory: directory, interpreter: interpreter.path)
    }
    return plan
  }

  /// Without namespaces, Landlock is what hides the host: the program may read and run the
  /// interpreter's files, use the work dir freely and a few devices, and open nothing else.
  static func landlockRules(abi: Int32, directory: WorkDirectory, interpreter: String) -> LandlockRules {
    var rules = LandlockRules(abi: abi)
    rules.allow(directory.workPath, LandlockRules.everything)
    for path in ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64"] {
      rules.allow(path, LandlockRules.readAndExecute)
    }
    if let prefix = InterpreterView.prefixOutsideUsr(of: interpreter) {
      rules.allow(prefix, LandlockRules.readAndExecute)
    }
    rules.allow("/etc/ld.so.cache", LandlockRules.read)
    for device in ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"] {
      rules.allow(device, LandlockRules.readWriteFile)
    }
    return rules
  }

  /// Without a uid of its own, RLIMIT_NPROC counts every process of the user, so the run's allowance
  /// is added to what the user already runs (an approximation, documented).
  static func processesOfCurrentUser() -> UInt64 {
    let uid = getuid()
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
    var count: UInt64 = 0
    var info = stat()
    for entry in entries where entry.first?.isNumber == true {
      if stat("/proc/" + entry, &info) == 0 && info.st_uid == uid { count += 1 }
    }
    return count
  }
}
