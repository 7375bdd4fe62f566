import CSandbox

/// The box of namespaces the spawner builds itself when Code Remote runs as root (`cs_box`): the
/// same walls bubblewrap would put up, without its user namespace, its extra process or its exec,
/// which cost a hello-world run about 5 ms. See `cs_enter_box` in CSandbox/box.c.
public struct BoxLayout: Sendable, Equatable {
  /// Where the program runs, inside the box.
  public static let workPath = CS_BOX_WORK_DIR
  /// An empty directory of root's; each box mounts its new root there in a mount namespace of its
  /// own, so concurrent boxes never see each other's.
  static let mountPoint = "/run/coderemote/root"
  /// Where the empty network namespace boxes share is bound.
  static let sharedNetworkPath = "/run/coderemote/netns"

  /// The shared network namespace, opened (and made, the first time on this boot) once per process;
  /// nil where Landlock cannot scope abstract sockets (ABI 6, Linux 6.12), which would let boxes
  /// sharing it reach each other: each box then makes its own, at about a millisecond per run.
  static let sharedNetwork: Int32? = {
    guard let abi = LandlockRules.kernelABI, abi >= 6 else { return nil }
    let fd = cs_open_shared_network(sharedNetworkPath)
    return fd >= 0 ? fd : nil
  }()

  var workDirectory: String
  var readOnly: [String]
  var links: [Link]
  var tmpBytes: UInt64

  struct Link: Sendable, Equatable {
    var path: String
    var target: String
  }

  init(workDirectory: String, view: InterpreterView, tmpBytes: UInt64) {
    self.workDirectory = workDirectory
    readOnly = view.readOnlyPaths
    links = view.links.map { Link(path: $0.path, target: $0.target) }
    self.tmpBytes = tmpBytes
  }

  /// Makes the mount point once; false when it cannot be had (not root, or planted by someone else).
  static func prepareMountPoint() -> Bool {
    makeOwnDirectory("/run/coderemote", mode: 0o711) && makeOwnDirectory(mountPoint, mode: 0o755)
  }

  /// Calls `body` with the C description of this layout, valid only during the call.
  func withUnsafeBox<R>(_ body: (UnsafePointer<cs_box>) -> R) -> R {
    let readOnlyPaths = CStringArray(readOnly)
    let linkPaths = CStringArray(links.map(\.path))
    let linkTargets = CStringArray(links.map(\.target))
    return Self.mountPoint.withCString { mountPoint in
      workDirectory.withCString { work in
        var box = cs_box()
        box.mount_point = mountPoint
        box.work_dir = work
        box.read_only = UnsafePointer(readOnlyPaths.constPointers)
        box.read_only_count = Int32(readOnly.count)
        box.link_paths = UnsafePointer(linkPaths.constPointers)
        box.link_targets = UnsafePointer(linkTargets.constPointers)
        box.link_count = Int32(links.count)
        box.tmp_bytes = tmpBytes
        box.network_fd = Self.sharedNetwork ?? -1
        return withUnsafePointer(to: &box) { body($0) }
      }
    }
  }
}
