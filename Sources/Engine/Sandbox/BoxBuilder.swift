import CSandbox
import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// Builds boxes from the configuration and the layers: uid lease, cgroup, work dir, launch plan,
/// spawn. A cold box has its program in place as `main.py`; a warm box's interpreter has started
/// and waits for the program to arrive through a pipe (`LocalBackend`'s pool). Either way the
/// result is a `PreparedBox`, which runs the program and cleans up.
struct BoxBuilder {
  var limits: ExecutionLimits
  var configuration: SandboxConfiguration
  var layers: SandboxLayers
  var interpreter: PythonInterpreter
  /// The program's `sys.argv[1:]` (a cold box's only: a warm box is made before its run is known).
  var programArguments: [String] = []
  /// Host paths the program sees beside `main.py`, read-only (a cold box's only, like the arguments).
  var shared: [SharedPath] = []
  /// The request's files, written beside `main.py` (a cold box's only, like the arguments).
  var requestFiles: [ExecutionFile] = []
  /// The name tracebacks call a cold box's program (a warm box's comes with its program).
  var displayName = "main.py"

  /// Isolated, no `site` (the bootstrap does what a program needs of it), unbuffered output.
  static let pythonFlags = ["-I", "-S", "-u"]
  static let bubblewrapProcesses = 1

  /// The run's environment: nothing of the caller's.
  static func environment(home: String, tmp: String) -> [String: String] {
    ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home, "TMPDIR": tmp]
  }

  /// A box with `program` written as its `main.py` and the interpreter started on it.
  func coldBox(program: [UInt8]) throws -> PreparedBox { try start(program: program) }

  /// A box whose interpreter has started and waits, before running anything of a program, for the
  /// program to arrive through a pipe.
  func warmBox() throws -> PreparedBox { try start(program: nil) }

  /// Builds the box and starts the interpreter: on `program` written as `main.py`, or (nil) waiting
  /// for it. Whatever the box made is undone if this throws.
  private func start(program: [UInt8]?) throws -> PreparedBox {
    var applied = layers
    let lease = layers.separateUid ? try UidLease.acquire(from: configuration.uidRange) : nil
    PhaseTrace.mark("uid leased")
    // The process limit is the program's: bubblewrap's own process comes on top.
    var boxLimits = limits
    if layers.bubblewrap != nil { boxLimits.processes += Self.bubblewrapProcesses }
    // Named after the uid when there is one, so a crashed run's cgroup is cleared by the next holder.
    let cgroupName = lease.map { "uid-\($0.uid)" } ?? "run-\(UInt64.random(in: 0...UInt64.max))"
    let cgroup = layers.cgroups.flatMap { RunCgroup(support: $0, name: cgroupName, limits: boxLimits) }
    if cgroup == nil { applied.cgroups = nil }
    PhaseTrace.mark("cgroup made")
    let seccomp = layers.seccomp ? SeccompProgram.shared : nil

    var files = RunFiles()
    var started = false
    // Until the box exists, what was made so far is undone here; afterwards the box owns it.
    defer {
      if !started {
        files.closeDescriptors()
        files.closeWarmPipes()
        cgroup?.remove()
        files.workDirectory?.remove()
      }
    }
    if program == nil { try files.makeWaitPipes() }
    var plan =
      switch layers.namespaces {
      case .native: try boxPlan(program, lease: lease, seccomp: seccomp, files: &files)
      case .bubblewrap(let bubblewrap):
        try bubblewrapPlan(bubblewrap, program, lease: lease, seccomp: seccomp, files: &files)
      case nil: try directPlan(program, lease: lease, seccomp: seccomp, files: &files)
      }
    plan.limits.addressSpaceBytes = UInt64(limits.memoryMegabytes) * 1_048_576
    plan.limits.cpuSeconds = UInt64((limits.cpuMilliseconds + 999) / 1_000)
    plan.limits.fileSizeBytes = UInt64(limits.fileSizeMegabytes) * 1_048_576
    plan.limits.openFiles = UInt64(limits.openFiles)
    plan.limits.processes = UInt64(boxLimits.processes) + (lease == nil ? Self.processesOfCurrentUser() : 0)
    if let lease { plan.limits.identity = (lease.uid, lease.uid) }
    plan.cgroupProcsFDs = cgroup?.procsFDs ?? []
    plan.inheritedFDs = files.descriptors
    PhaseTrace.mark("files written")

    let process = try SpawnedProcess(plan: plan)
    PhaseTrace.mark("spawned")
    started = true
    cgroup?.closeProcsFiles()
    files.closeDescriptors()
    return PreparedBox(
      process: process, lease: lease, cgroup: cgroup, workDirectory: files.workDirectory,
      warmPipes: files.takeWarmPipes(), isolation: applied.isolation, limits: limits,
      throughBubblewrap: layers.bubblewrap != nil, killByUid: layers.namespaces == nil && cgroup == nil)
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

    /// A warm box's two pipes: the program comes through one (the write end stays here, the read
    /// end goes to the child as number `waitFD`), and the bootstrap writes a byte on the other when
    /// it starts waiting (the read end stays here, the write end goes to the child as `readyFD`).
    private(set) var programPipe: Int32?
    private(set) var readyPipe: Int32?
    private(set) var waitFD: Int32?
    private(set) var readyFD: Int32?

    mutating func makeWaitPipes() throws {
      let program = try Self.pipeEnds()
      programPipe = program.write
      waitFD = pass(program.read)
      let ready = try Self.pipeEnds()
      readyPipe = ready.read
      readyFD = pass(ready.write)
    }

    private static func pipeEnds() throws -> (read: Int32, write: Int32) {
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { throw SpawnError(executable: "pipe", errno: errno) }
      ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
      return (ends[0], ends[1])
    }

    mutating func takeWarmPipes() -> (program: Int32, ready: Int32)? {
      defer { (programPipe, readyPipe) = (nil, nil) }
      guard let programPipe, let readyPipe else { return nil }
      return (programPipe, readyPipe)
    }

    mutating func closeWarmPipes() {
      for end in [programPipe, readyPipe] { if let end { close(end) } }
      (programPipe, readyPipe) = (nil, nil)
    }
  }

  /// The interpreter's arguments: the bootstrap, then the descriptors a warm box waits and says it
  /// is ready on, or a cold box's display name, then the program's path.
  private func pythonArguments(main: String, files: RunFiles) -> [String] {
    let announce =
      if let waitFD = files.waitFD, let readyFD = files.readyFD {
        "\(PythonBootstrap.waitFlag)\(waitFD),\(readyFD)"
      } else {
        PythonBootstrap.nameFlag + displayName
      }
    return Self.pythonFlags + [
      "-c", PythonBootstrap.source(policy: configuration.importPolicy), announce, main,
    ]
      + programArguments
  }

  /// bubblewrap around the interpreter. As root the work dir is a host tmpfs capped in size and
  /// inodes, bound in; otherwise bubblewrap makes one and the files come in through memfds.
  private func bubblewrapPlan(
    _ bubblewrap: String, _ program: [UInt8]?, lease: UidLease?, seccomp: SeccompProgram?,
    files: inout RunFiles
  ) throws -> LaunchPlan {
    func memoryFile(_ name: String, _ bytes: [UInt8]) throws -> Int32 {
      let fd = bytes.withUnsafeBytes { cs_memfd_with(name, $0.baseAddress, $0.count) }
      guard fd >= 0 else { throw SpawnError(executable: bubblewrap, errno: errno) }
      return files.pass(fd)
    }
    let contents: BubblewrapCommand.Contents
    let hostDirectory = lease.flatMap { try? WorkDirectory(owner: $0.uid, limits: limits) }
    if let lease, let directory = hostDirectory, directory.mounted {
      files.workDirectory = directory
      if let program { try directory.write(program, to: directory.workPath + "/main.py", owner: lease.uid) }
      try directory.place(requestFiles, owner: lease.uid)
      contents = .hostDirectory(directory.workPath)
    } else {
      hostDirectory?.remove()
      contents = .descriptor(main: try program.map { try memoryFile("main.py", $0) })
    }
    var command = BubblewrapCommand(
      interpreter: interpreter.path, limits: limits,
      environment: Self.environment(home: BubblewrapCommand.workDirectory, tmp: "/tmp"), contents: contents)
    command.shared = shared.map { (source: $0.source, name: $0.name) }
    if case .descriptor = contents {
      command.directories = ExecutionFile.directories(of: requestFiles)
      command.files = try requestFiles.map {
        (descriptor: try memoryFile("file", $0.contents), name: $0.name)
      }
    }
    if let seccomp {
      guard let fd = seccomp.memoryFile() else { throw SpawnError(executable: bubblewrap, errno: errno) }
      command.seccompFD = files.pass(fd)
    }
    return LaunchPlan(
      executable: bubblewrap,
      arguments: command.arguments + pythonArguments(main: BubblewrapCommand.mainPath, files: files),
      environment: ["PATH": "/usr/bin:/bin"], workingDirectory: "/")
  }

  /// The interpreter itself in the spawner's own box (root only): the work dir is a host tmpfs
  /// capped in size and inodes, bound in at /sandbox.
  private func boxPlan(_ program: [UInt8]?, lease: UidLease?, seccomp: SeccompProgram?, files: inout RunFiles)
    throws -> LaunchPlan
  {
    let directory = try WorkDirectory(owner: lease?.uid, limits: limits)
    files.workDirectory = directory
    if let program { try directory.write(program, to: directory.workPath + "/main.py", owner: lease?.uid) }
    try directory.place(requestFiles, owner: lease?.uid)
    var plan = LaunchPlan(
      executable: interpreter.path,
      arguments: pythonArguments(main: BoxLayout.workPath + "/main.py", files: files),
      environment: Self.environment(home: BoxLayout.workPath, tmp: "/tmp"),
      workingDirectory: BoxLayout.workPath)
    plan.limits.seccompFilter = seccomp?.instructions ?? []
    plan.box = BoxLayout(
      workDirectory: directory.workPath, view: InterpreterView(interpreter: interpreter.path),
      tmpBytes: UInt64(limits.scratchMegabytes) * 1_048_576)
    plan.box?.shared = shared.map { BoxLayout.Shared(source: $0.source, name: $0.name) }
    return plan
  }

  /// The interpreter itself in a host work dir, confined by Landlock and seccomp.
  private func directPlan(
    _ program: [UInt8]?, lease: UidLease?, seccomp: SeccompProgram?, files: inout RunFiles
  ) throws -> LaunchPlan {
    let directory = try WorkDirectory(owner: lease?.uid, limits: limits)
    files.workDirectory = directory
    let main = directory.workPath + "/main.py"
    if let program { try directory.write(program, to: main, owner: lease?.uid) }
    try directory.place(requestFiles, owner: lease?.uid)
    // No namespaces to bind into: a copy of each file, so the original is never the program's to
    // change (LocalBackend refuses directories here).
    for file in shared where !file.isDirectory {
      try directory.write(
        try FileContents.read(file.source), to: directory.workPath + "/" + file.name, mode: 0o444,
        owner: lease?.uid)
    }
    var plan = LaunchPlan(
      executable: interpreter.path, arguments: pythonArguments(main: main, files: files),
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
