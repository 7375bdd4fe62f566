import CSandbox
import Processes

/// What goes in the spawner's own box (root only): the same walls bubblewrap would put up, without
/// its user namespace, its extra process or its exec, which cost a hello-world run about 5 ms.
extension BoxLayout {
  /// An empty directory of root's; each box mounts its new root there in a mount namespace of its
  /// own, so concurrent boxes never see each other's.
  static let rootMountPoint = "/run/coderemote/root"
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

  /// Whether boxes share one empty network namespace (for `doctor`).
  public static var sharesNetworkNamespace: Bool { sharedNetwork != nil }

  init(workDirectory: String, view: InterpreterView, tmpBytes: UInt64) {
    self.init(
      mountPoint: Self.rootMountPoint, workDirectory: workDirectory, readOnly: view.readOnlyPaths,
      links: view.links.map { Link(path: $0.path, target: $0.target) }, tmpBytes: tmpBytes,
      networkFD: Self.sharedNetwork ?? -1)
  }

  /// Makes the mount point once; false when it cannot be had (not root, or planted by someone else).
  static func prepareMountPoint() -> Bool {
    makeOwnDirectory("/run/coderemote", mode: 0o711) && makeOwnDirectory(rootMountPoint, mode: 0o755)
  }
}
