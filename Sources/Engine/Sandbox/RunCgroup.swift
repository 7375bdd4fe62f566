import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// The cgroup(s) of one run: created with its limits before the program starts, joined by the child
/// before exec (through `procsFDs`), read for OOM kills and peak memory, emptied and removed after.
final class RunCgroup {
  private let support: CgroupSupport
  private let directories: [String]
  /// Open files the spawned child writes itself into, one per hierarchy: v2's `cgroup.procs`, v1's
  /// `tasks` (moving the single thread a forked child has, which avoids a slow global lock).
  private(set) var procsFDs: [Int32] = []

  /// Creates the run's cgroup(s); nil when that fails (the run then goes on without this layer).
  init?(support: CgroupSupport, name: String, limits: ExecutionLimits) {
    self.support = support
    // v1's per-controller parents are ours to make (v2's parent is checked by detection).
    if case .v1 = support {
      for base in Self.directories(of: support, name: "") where mkdir(base, 0o755) != 0 && errno != EEXIST {
        return nil
      }
    }
    directories = Self.directories(of: support, name: name)
    var made: [String] = []
    for directory in directories {
      var created = mkdir(directory, 0o755) == 0
      if !created && errno == EEXIST {
        // Left by a crashed run (names follow the run's uid lease): empty it and start afresh.
        Self.clearStale(directory)
        created = mkdir(directory, 0o755) == 0
      }
      guard created else {
        made.forEach { _ = rmdir($0) }
        return nil
      }
      made.append(directory)
    }
    guard applyLimits(limits) else {
      remove()
      return nil
    }
    for directory in directories {
      let fd = open(directory + (isV2 ? "/cgroup.procs" : "/tasks"), O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else {
        remove()
        return nil
      }
      procsFDs.append(fd)
    }
  }

  deinit { closeProcsFiles() }

  /// The directories a run's cgroup named `name` has, one per hierarchy.
  static func directories(of support: CgroupSupport, name: String) -> [String] {
    switch support {
    case .v2(let parent): [parent + "/" + name]
    case .v1(let memory, let pids, let cpuacct):
      ([memory, pids] + (cpuacct.map { [$0] } ?? [])).map { $0 + "/" + name }
    }
  }

  /// Kills what is left in a stale cgroup and removes it.
  static func clearStale(_ directory: String) {
    for _ in 0..<100 {
      let procs = readSmallFile(directory + "/cgroup.procs") ?? ""
      procs.split(separator: "\n").compactMap { pid_t($0) }.forEach { _ = kill($0, SIGKILL) }
      if rmdir(directory) == 0 || errno == ENOENT { return }
      usleep(2_000)
    }
  }

  private var memoryDirectory: String { directories[0] }
  private var pidsDirectory: String { directories[isV2 ? 0 : 1] }

  private func applyLimits(_ limits: ExecutionLimits) -> Bool {
    let bytes = String(limits.memoryMegabytes * 1_048_576)
    let pidsOK = write(String(limits.processes), to: pidsDirectory + "/pids.max")
    switch support {
    case .v2:
      // No swap: memory beyond the limit is an OOM kill, not a slow crawl.
      _ = write("0", to: memoryDirectory + "/memory.swap.max")
      return pidsOK && write(bytes, to: memoryDirectory + "/memory.max")
    case .v1:
      guard pidsOK, write(bytes, to: memoryDirectory + "/memory.limit_in_bytes") else { return false }
      // memsw (memory + swap) exists only with swap accounting; where it does not, ask for no swapping.
      if !write(bytes, to: memoryDirectory + "/memory.memsw.limit_in_bytes") {
        _ = write("0", to: memoryDirectory + "/memory.swappiness")
      }
      return true
    }
  }

  func closeProcsFiles() {
    procsFDs.forEach { close($0) }
    procsFDs = []
  }

  /// Whether the kernel's OOM killer ended a process of this run.
  var oomKilled: Bool {
    let file = memoryDirectory + (isV2 ? "/memory.events" : "/memory.oom_control")
    return counter("oom_kill", in: readSmallFile(file) ?? "") > 0
  }

  /// The run's peak memory use, including files it wrote to tmpfs.
  var peakMemoryKilobytes: Int? {
    let file = memoryDirectory + (isV2 ? "/memory.peak" : "/memory.max_usage_in_bytes")
    return readSmallFile(file).flatMap { Int($0) }.map { $0 / 1_024 }
  }

  /// CPU time of every process of the run, reaped or killed, which wait4 cannot see through
  /// bubblewrap's own processes.
  var cpuMilliseconds: Double? {
    switch support {
    case .v2:
      let stat = readSmallFile(memoryDirectory + "/cpu.stat") ?? ""
      return stat.isEmpty ? nil : Double(counter("usage_usec", in: stat)) / 1_000
    case .v1(_, _, let cpuacct):
      guard cpuacct != nil, directories.count == 3 else { return nil }
      return readSmallFile(directories[2] + "/cpuacct.usage").flatMap { Double($0) }.map { $0 / 1e6 }
    }
  }

  private var isV2: Bool {
    if case .v2 = support { return true }
    return false
  }

  /// Kills everything still in the run's cgroup, repeating while a fork bomb keeps refilling it.
  func killAll() {
    if isV2, write("1", to: pidsDirectory + "/cgroup.kill") { return }
    for _ in 0..<200 {
      let pids = (readSmallFile(pidsDirectory + "/cgroup.procs") ?? "").split(separator: "\n").compactMap {
        pid_t($0)
      }
      if pids.isEmpty { return }
      pids.forEach { _ = kill($0, SIGKILL) }
      usleep(1_000)
    }
  }

  /// Removes the cgroup directories once their last (killed) process has been reaped.
  func remove() {
    closeProcsFiles()
    for directory in directories.reversed() {
      for _ in 0..<100 {
        if rmdir(directory) == 0 || errno != EBUSY { break }
        usleep(2_000)
      }
    }
  }

  private func counter(_ name: String, in text: String) -> Int {
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: " ")
      if parts.count == 2, parts[0] == name { return Int(parts[1]) ?? 0 }
    }
    return 0
  }

  private func write(_ value: String, to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return value.withCString { Glibc.write(fd, $0, strlen($0)) } >= 0
  }
}
