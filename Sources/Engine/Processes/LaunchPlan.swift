import CSandbox

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
