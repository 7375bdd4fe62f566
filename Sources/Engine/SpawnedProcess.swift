import CSandbox
import Glibc

/// What to start: an executable, its arguments and environment, and what the child sets up first.
public struct LaunchPlan: Sendable {
  public var executable: String
  public var arguments: [String]
  public var environment: [String: String]
  public var workingDirectory: String?
  public var limits: ProcessLimits
  /// Open `cgroup.procs` files the child joins before anything else.
  public var cgroupProcsFDs: [Int32] = []
  /// Descriptors the program inherits, renumbered from `LaunchPlan.firstInheritedFD` on.
  public var inheritedFDs: [Int32] = []
  /// The namespaces the spawner builds around the program, or nil; `workingDirectory` is then a
  /// path inside the box.
  public var box: BoxLayout?

  /// The number the first of `inheritedFDs` has in the child.
  public static let firstInheritedFD = Int32(CS_FIRST_KEPT_FD)

  public init(
    executable: String, arguments: [String], environment: [String: String],
    workingDirectory: String? = nil, limits: ProcessLimits = ProcessLimits()
  ) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.limits = limits
  }
}

/// rlimits and identity applied in the child between fork and exec. Zero means "inherit".
public struct ProcessLimits: Sendable, Equatable {
  public var addressSpaceBytes: UInt64 = 0
  public var cpuSeconds: UInt64 = 0
  public var fileSizeBytes: UInt64 = 0
  public var openFiles: UInt64 = 0
  public var processes: UInt64 = 0
  public var coreZero = true
  /// When set, the child drops supplementary groups and switches to this uid and gid.
  public var identity: (uid: UInt32, gid: UInt32)?
  /// Raw BPF instructions (8 bytes each) installed with no_new_privs just before exec.
  public var seccompFilter: [UInt64] = []
  /// Landlock confinement applied in the child first of all, or nil.
  public var landlock: LandlockRules?

  public init() {}

  public static func == (a: ProcessLimits, b: ProcessLimits) -> Bool {
    a.addressSpaceBytes == b.addressSpaceBytes && a.cpuSeconds == b.cpuSeconds
      && a.fileSizeBytes == b.fileSizeBytes && a.openFiles == b.openFiles
      && a.processes == b.processes && a.coreZero == b.coreZero
      && a.identity?.uid == b.identity?.uid && a.identity?.gid == b.identity?.gid
      && a.seccompFilter == b.seccompFilter && a.landlock == b.landlock
  }
}

/// Why a program could not be started.
public struct SpawnError: Error, Equatable, CustomStringConvertible {
  public var executable: String
  public var errno: Int32

  public var description: String {
    "cannot start \(executable): \(String(cString: strerror(errno)))"
  }
}

/// A child started by the C spawner: its own session and process group, pipes on 0, 1 and 2.
final class SpawnedProcess {
  let pid: pid_t
  private(set) var stdinFD: Int32
  let stdoutFD: Int32
  let stderrFD: Int32

  init(plan: LaunchPlan) throws(SpawnError) {
    let argv = CStringArray([plan.executable] + plan.arguments)
    let envp = CStringArray(plan.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    var options = cs_options()
    options.address_space_bytes = plan.limits.addressSpaceBytes
    options.cpu_seconds = plan.limits.cpuSeconds
    options.file_size_bytes = plan.limits.fileSizeBytes
    options.open_files = plan.limits.openFiles
    options.processes = plan.limits.processes
    options.core_zero = plan.limits.coreZero ? 1 : 0
    options.new_session = 1
    options.die_with_parent = 1
    if let identity = plan.limits.identity {
      options.drop_to_uid = 1
      options.uid = identity.uid
      options.gid = identity.gid
    }
    var child = cs_child()
    let filter = plan.limits.seccompFilter
    let cgroupFDs = plan.cgroupProcsFDs
    let keptFDs = plan.inheritedFDs
    let landlockRules = plan.limits.landlock?.openRules() ?? []
    defer { landlockRules.forEach { close($0.fd) } }
    if let landlock = plan.limits.landlock {
      options.landlock_abi = landlock.abi
    }
    let result: Int32 = filter.withUnsafeBufferPointer { instructions in
      options.seccomp_filter = instructions.isEmpty ? nil : UnsafeRawPointer(instructions.baseAddress)
      options.seccomp_filter_length = UInt32(instructions.count)
      return cgroupFDs.withUnsafeBufferPointer { cgroups in
        options.cgroup_fds = cgroups.baseAddress
        options.cgroup_fd_count = Int32(cgroups.count)
        return keptFDs.withUnsafeBufferPointer { kept in
          options.keep_fds = kept.baseAddress
          options.keep_fd_count = Int32(kept.count)
          return landlockRules.withUnsafeBufferPointer { rules in
            options.landlock_rules = rules.baseAddress
            options.landlock_rule_count = Int32(rules.count)
            return withOptionalCString(plan.workingDirectory) { cwd in
              options.cwd = cwd
              guard let box = plan.box else {
                return cs_spawn(plan.executable, argv.pointers, envp.pointers, &options, &child)
              }
              return box.withUnsafeBox { box in
                options.box = box
                return cs_spawn(plan.executable, argv.pointers, envp.pointers, &options, &child)
              }
            }
          }
        }
      }
    }
    guard result == 0 else { throw SpawnError(executable: plan.executable, errno: result) }
    pid = child.pid
    stdinFD = child.stdin_fd
    stdoutFD = child.stdout_fd
    stderrFD = child.stderr_fd
  }

  func closeStdin() {
    if stdinFD >= 0 {
      close(stdinFD)
      stdinFD = -1
    }
  }

  /// Signals the child's whole process group (it is a session leader, so the group is its pid).
  func signalGroup(_ signal: Int32) {
    _ = kill(-pid, signal)
    _ = kill(pid, signal)
  }

  deinit {
    closeStdin()
    close(stdoutFD)
    close(stderrFD)
  }
}

private func withOptionalCString<R>(_ s: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
  guard let s else { return body(nil) }
  return s.withCString { body($0) }
}

/// A NULL-terminated `char *[]` that owns its strings, for execve.
final class CStringArray {
  let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
  private let count: Int

  init(_ strings: [String]) {
    count = strings.count
    pointers = .allocate(capacity: strings.count + 1)
    for (i, s) in strings.enumerated() { pointers[i] = strdup(s) }
    pointers[strings.count] = nil
  }

  /// The same array as `const char *const *`.
  var constPointers: UnsafeMutablePointer<UnsafePointer<CChar>?> {
    UnsafeMutableRawPointer(pointers).assumingMemoryBound(to: UnsafePointer<CChar>?.self)
  }

  deinit {
    for i in 0..<count { free(pointers[i]) }
    pointers.deallocate()
  }
}
