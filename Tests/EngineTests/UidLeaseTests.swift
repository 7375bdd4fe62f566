import Testing

@testable import Execution
@testable import Sandbox

@Suite("Uid leases")
struct UidLeaseTests {
  @Test("the first lease on a fresh boot makes the missing lock directory")
  func missingLockDirectory() throws {
    // On a machine where Code Remote has never run, nothing has made the lock directory yet; the
    // start-up sweep asks for leases before any run would make it, and used to find none.
    let scratch = try TemporaryDirectory()
    let locks = scratch.path + "/run/uids"
    var first = UidLease.tryAcquire(61_530, locks: locks)
    try #require(first != nil, "no lease from a missing lock directory")
    #expect(UidLease.tryAcquire(61_530, locks: locks) == nil, "a held uid was leased twice")
    first = nil
    #expect(UidLease.tryAcquire(61_530, locks: locks) != nil, "a released uid stayed held")
  }

  @Test("acquire hands out distinct uids from a fresh lock directory")
  func distinctUids() throws {
    let scratch = try TemporaryDirectory()
    let locks = scratch.path + "/uids"
    let a = try UidLease.acquire(from: 61_531...61_532, locks: locks)
    let b = try UidLease.acquire(from: 61_531...61_532, locks: locks)
    #expect(a.uid != b.uid)
    #expect(throws: ExecutionError.noFreeUid(61_531...61_532)) {
      try UidLease.acquire(from: 61_531...61_532, locks: locks)
    }
  }
}
