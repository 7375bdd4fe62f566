import CSandbox

/// The box of namespaces the spawner builds itself (`cs_box`, see `cs_enter_box` in CSandbox/box.c):
/// a mount point for its new root, the host directory bound in as the work dir, the host paths bound
/// read-only, symbolic links to recreate, the size of its scratch tmpfs and, optionally, a network
/// namespace to join. This is the mechanism's description only; what goes in it is the sandbox's
/// policy (`Sandbox/BoxLayout+Policy.swift`).
public struct BoxLayout: Sendable, Equatable {
  /// Where the program runs, inside the box.
  public static let workPath = CS_BOX_WORK_DIR

  public var mountPoint: String
  public var workDirectory: String
  public var readOnly: [String]
  public var links: [Link]
  public var tmpBytes: UInt64
  /// A network namespace every box joins, or -1 for a new one per box.
  public var networkFD: Int32

  /// Host paths bound read-only in the work dir, under their names (`run --with`).
  public var shared: [Shared] = []

  public struct Shared: Sendable, Equatable {
    public var source: String
    public var name: String

    public init(source: String, name: String) {
      self.source = source
      self.name = name
    }
  }

  public struct Link: Sendable, Equatable {
    public var path: String
    public var target: String

    public init(path: String, target: String) {
      self.path = path
      self.target = target
    }
  }

  public init(
    mountPoint: String, workDirectory: String, readOnly: [String], links: [Link], tmpBytes: UInt64,
    networkFD: Int32
  ) {
    self.mountPoint = mountPoint
    self.workDirectory = workDirectory
    self.readOnly = readOnly
    self.links = links
    self.tmpBytes = tmpBytes
    self.networkFD = networkFD
  }

  /// Calls `body` with the C description of this layout, valid only during the call.
  func withUnsafeBox<R>(_ body: (UnsafePointer<cs_box>) -> R) -> R {
    let readOnlyPaths = CStringArray(readOnly)
    let linkPaths = CStringArray(links.map(\.path))
    let linkTargets = CStringArray(links.map(\.target))
    let sharedSources = CStringArray(shared.map(\.source))
    let sharedNames = CStringArray(shared.map(\.name))
    return mountPoint.withCString { mountPoint in
      workDirectory.withCString { work in
        var box = cs_box()
        box.mount_point = mountPoint
        box.work_dir = work
        box.read_only = UnsafePointer(readOnlyPaths.constPointers)
        box.read_only_count = Int32(readOnly.count)
        box.link_paths = UnsafePointer(linkPaths.constPointers)
        box.link_targets = UnsafePointer(linkTargets.constPointers)
        box.link_count = Int32(links.count)
        box.shared_sources = UnsafePointer(sharedSources.constPointers)
        box.shared_names = UnsafePointer(sharedNames.constPointers)
        box.shared_count = Int32(shared.count)
        box.tmp_bytes = tmpBytes
        box.network_fd = networkFD
        return withUnsafePointer(to: &box) { body($0) }
      }
    }
  }
}
