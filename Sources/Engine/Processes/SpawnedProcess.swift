import CSandbox
import Glibc

/// Why a program could not be started.
public struct SpawnError: Error, Equatable, CustomStringConvertible {
  public var executable: String
  public var errno: Int32

  public init(executable: String, errno: Int32) {
    self.executable = executable
    self.errno = errno
  }

  public var description: String {
    "cannot start \(executable): \(String(cString: strerror(errno)))"
  }
}

/// A child started by the C spawner: its own session and process group, pipes on 0, 1 and 2.
public final class SpawnedProcess {
  public let pid: pid_t
  public private(set) var stdinFD: Int32
  public let stdoutFD: Int32
  public let stderrFD: Int32

  public init(plan: LaunchPlan) throws(SpawnError) {
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

  public func closeStdin() {
    if stdinFD >= 0 {
      close(stdinFD)
      stdinFD = -1
    }
  }

  /// Signals the child's whole process group (it is a session leader, so the group is its pid).
  public func signalGroup(_ signal: Int32) {
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
