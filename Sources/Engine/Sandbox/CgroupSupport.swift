import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings

/// Where this process may create one cgroup per run with memory and pids limits. Runs nest under
/// the cgroup this process already lives in, so they never escape the limits placed on it.
public enum CgroupSupport: Sendable, Equatable {
  /// The unified hierarchy: runs are created in `parent`, whose subtree has memory and pids.
  case v2(parent: String)
  /// Separate hierarchies: runs are created in these directories (cpuacct, when writable, measures
  /// the CPU time of the whole run, children included).
  case v1(memory: String, pids: String, cpuacct: String?)

  static let root = "/sys/fs/cgroup"

  public var description: String {
    switch self {
    case .v2(let parent): "v2 under \(parent)"
    case .v1(let memory, let pids, let cpuacct):
      "v1 under \(memory), \(pids)" + (cpuacct.map { " and \($0)" } ?? "")
    }
  }

  /// Writable memory and pids controllers, or nil.
  static func detect(selfCgroup: String? = readSmallFile("/proc/self/cgroup")) -> CgroupSupport? {
    let memberships = parseMemberships(selfCgroup ?? "")
    if FileManager.default.fileExists(atPath: root + "/cgroup.controllers") {
      guard let own = memberships[""] else { return nil }
      // v2 allows no processes in a cgroup that hands controllers to children (the root excepted),
      // so runs go beside this process: under its own cgroup only when that is the root, else
      // under the parent (a delegated subtree with this process in a leaf of its own).
      let ownPath = root + (own == "/" ? "" : own)
      let parent = own == "/" ? ownPath : URL(fileURLWithPath: ownPath).deletingLastPathComponent().path
      let enabled = (readSmallFile(parent + "/cgroup.subtree_control") ?? "").split(separator: " ")
      guard enabled.contains("memory"), enabled.contains("pids"), access(parent, W_OK) == 0 else {
        return nil
      }
      return .v2(parent: parent)
    }
    guard let memory = v1Directory("memory", memberships), let pids = v1Directory("pids", memberships) else {
      return nil
    }
    return .v1(memory: memory, pids: pids, cpuacct: v1Directory("cpuacct", memberships))
  }

  /// `/proc/self/cgroup` lines are `id:controllers:path`; v2's controller list is empty.
  static func parseMemberships(_ text: String) -> [String: String] {
    var memberships: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      for controller in fields[1].split(separator: ",", omittingEmptySubsequences: false) {
        memberships[String(controller)] = String(fields[2])
      }
    }
    return memberships
  }

  private static func v1Directory(_ controller: String, _ memberships: [String: String]) -> String? {
    guard let own = memberships[controller] else { return nil }
    let mine = root + "/" + controller + (own == "/" ? "" : own)
    guard access(mine, W_OK) == 0 else { return nil }
    return mine + "/coderemote"
  }
}
