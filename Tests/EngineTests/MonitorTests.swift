import Synchronization
import Testing

@testable import Processes

@Suite("Monitor")
struct MonitorTests {
  @Test("a waiter wakes when another thread makes the value what it waits for")
  func wakesOnUpdate() async {
    let monitor = Monitor(0)
    let woke = await withCheckedContinuation { continuation in
      DetachedThread.start {
        continuation.resume(returning: monitor.wait(timeout: .seconds(30)) { $0 == 2 })
      }
      DetachedThread.start {
        monitor.update { $0 = 1 }
        monitor.update { $0 = 2 }
      }
    }
    #expect(woke)
  }

  @Test("a wait whose time is up says so, and one already satisfied returns at once")
  func timesOut() {
    let monitor = Monitor(false)
    let started = ContinuousClock.now
    #expect(!monitor.wait(timeout: .milliseconds(50)) { $0 })
    #expect(ContinuousClock.now - started >= .milliseconds(50))
    monitor.update { $0 = true }
    #expect(monitor.wait(timeout: .zero) { $0 })
  }
}
