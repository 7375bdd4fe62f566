import Execution
import FoundationEssentials
import Processes
import Settings

/// What runs of a killed Code Remote left behind: a work dir tmpfs under /run/coderemote/runs and
/// cgroups, both named after the run's uid. The next run given that uid clears them anyway; a
/// long-lived process (the editor, the server) also sweeps them all when it starts, so closing
/// terminal windows on running editors does not pile them up.
enum StaleRuns {
  static func sweep(uidRange: ClosedRange<UInt32>, cgroups: CgroupSupport?) {
    // A run killed while cleaning up may have left only one of the two: look in both places.
    let cgroupParent = cgroups.map { RunCgroup.directories(of: $0, name: "")[0] } ?? ""
    let entries = { (path: String) in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
    let names = Set(entries(WorkDirectory.rootRunsDirectory) + entries(cgroupParent))
    for entry in names.sorted() where entry.hasPrefix("uid-") {
      // Only a uid no live run holds: its lease is free, so nothing of that run is running.
      guard let uid = UInt32(entry.dropFirst(4)), uidRange.contains(uid), let lease = UidLease.tryAcquire(uid)
      else { continue }
      withExtendedLifetime(lease) {
        if let cgroups {
          RunCgroup.directories(of: cgroups, name: entry).reversed().forEach(RunCgroup.clearStale)
        }
        WorkDirectory.clearStale(WorkDirectory.rootRunsDirectory + "/" + entry)
      }
    }
  }
}
