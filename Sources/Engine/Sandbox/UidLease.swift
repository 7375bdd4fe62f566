import CSandbox
import Execution
import FoundationEssentials
import Glibc
import Processes
import Settings
import Synchronization

/// One uid of the configured range, held by one run at a time across every Code Remote process on
/// the machine: a process-owned lock (fcntl) on a file per uid, released by the kernel even if the
/// holder crashes and never inherited by a child. Inside one process a set of the uids held here
/// keeps runs apart, since a process's own record locks do not exclude each other (and closing a
/// second descriptor of a held file would drop its lock: a held file is never opened twice).
/// RLIMIT_NPROC counts processes per uid, and the run's processes are killed by uid afterwards, so
/// two runs must never share one.
final class UidLease {
  let uid: UInt32
  private let lockFD: Int32
  private let lockPath: String

  static let lockDirectory = "/run/coderemote/uids"
  /// The lock files this process holds, by path.
  private static let heldHere = Mutex<Set<String>>([])

  private init(uid: UInt32, lockFD: Int32, lockPath: String) {
    self.uid = uid
    self.lockFD = lockFD
    self.lockPath = lockPath
  }

  deinit {
    close(lockFD)
    _ = Self.heldHere.withLock { $0.remove(lockPath) }
  }

  /// The first free uid of `range`, from a random starting point.
  static func acquire(from range: ClosedRange<UInt32>, locks directory: String = lockDirectory)
    throws(ExecutionError) -> UidLease
  {
    guard makeLockDirectory(directory) else { throw .uidLocksUnavailable(directory) }
    let count = UInt64(range.count)
    let start = UInt64.random(in: 0..<count)
    let accounts = accountUids()
    for step in 0..<count {
      let uid = range.lowerBound + UInt32((start + step) % count)
      // Never a uid that belongs to an account: its processes would be killed with the run's.
      if accounts.contains(uid) { continue }
      if let lease = tryAcquire(uid, locks: directory) { return lease }
    }
    throw .noFreeUid(range)
  }

  /// `uid` if no run holds it now, else nil. Makes the lock directory when it is missing: on a fresh
  /// boot nothing has made it yet, and the start-up sweep (`StaleRuns`) comes before any run.
  static func tryAcquire(_ uid: UInt32, locks directory: String = lockDirectory) -> UidLease? {
    let path = "\(directory)/\(uid)"
    guard heldHere.withLock({ $0.insert(path).inserted }) else { return nil }
    var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    if fd < 0 && errno == ENOENT && makeLockDirectory(directory) {
      fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    }
    // Versions before 0.2 locked with flock, which a record lock does not see: a uid one of them
    // holds is left alone too (looked at, not kept, so no child of ours can hold it on our behalf).
    if fd >= 0 && cs_try_lock_file(fd) == 0 && flock(fd, LOCK_EX | LOCK_NB) == 0 && flock(fd, LOCK_UN) == 0 {
      return UidLease(uid: uid, lockFD: fd, lockPath: path)
    }
    if fd >= 0 { close(fd) }
    _ = heldHere.withLock { $0.remove(path) }
    return nil
  }

  /// Kills every process running as this uid — whatever the run left behind, wherever it hid — and
  /// waits (up to about a second) until none is left running, since signals land asynchronously.
  func killEverything() {
    for round in 0..<500 {
      if round % 25 == 0 { _ = cs_kill_uid(uid, uid) }
      if !Self.anyProcessRunning(as: uid) { return }
      usleep(2_000)
    }
  }

  /// Whether a process of `uid` is alive: zombies are dead, only waiting for whoever adopted them.
  static func anyProcessRunning(as uid: UInt32) -> Bool {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
    var info = stat()
    for entry in entries where entry.first?.isNumber == true {
      guard stat("/proc/" + entry, &info) == 0, info.st_uid == uid,
        let text = readSmallFile("/proc/\(entry)/stat"), let close = text.lastIndex(of: ")")
      else { continue }
      if text[close...].dropFirst(2).first != "Z" { return true }
    }
    return false
  }

  /// The uids of the accounts in /etc/passwd. Read directly rather than through NSS: getpwuid loads
  /// and asks every NSS module (systemd, LDAP…), a millisecond or more per run. Accounts that live
  /// only in a directory service must stay out of `sandbox.uid_range` (docs/configuration.md);
  /// `coderemote doctor` checks the range through NSS.
  static func accountUids(passwd: String = "/etc/passwd") -> Set<UInt32> {
    guard let bytes = try? FileContents.read(passwd) else { return [] }
    var uids = Set<UInt32>()
    for line in bytes.split(separator: 0x0A) {
      let fields = line.split(separator: 0x3A, maxSplits: 3, omittingEmptySubsequences: false)
      if fields.count > 2, let uid = UInt32(String(decoding: fields[2], as: UTF8.self)) { uids.insert(uid) }
    }
    return uids
  }

  /// The lock directory and its parent, owned by this user and closed to others.
  private static func makeLockDirectory(_ directory: String) -> Bool {
    let parent = String(directory[..<(directory.lastIndex(of: "/") ?? directory.startIndex)])
    return (parent.isEmpty || makeOwnDirectory(parent, mode: 0o711))
      && makeOwnDirectory(directory, mode: 0o700)
  }
}
