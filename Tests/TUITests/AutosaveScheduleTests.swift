import Foundation
import Testing

@testable import TUI

@Suite struct AutosaveScheduleTests {
  @Test func nothingPendingHasNoDeadline() {
    let schedule = AutosaveSchedule()
    #expect(schedule.deadline == nil)
    #expect(!schedule.isDue(at: .seconds(100)))
  }

  @Test func aPauseInTypingWrites() {
    var schedule = AutosaveSchedule()
    schedule.changed(at: .seconds(10))
    #expect(!schedule.isDue(at: .seconds(10) + .milliseconds(299)))
    #expect(schedule.isDue(at: .seconds(10) + AutosaveSchedule.pause))
    schedule.saved()
    #expect(schedule.deadline == nil)
  }

  @Test func steadyTypingWritesWithinASecondOfTheFirstChange() {
    var schedule = AutosaveSchedule()
    var now = Duration.seconds(5)
    schedule.changed(at: now)
    for _ in 0..<9 {
      now += .milliseconds(100)
      schedule.changed(at: now)
      #expect(!schedule.isDue(at: now))
    }
    #expect(schedule.deadline == .seconds(5) + AutosaveSchedule.longest)
    #expect(schedule.isDue(at: .seconds(6)))
  }

  @Test func aFailedWriteIsRetriedASecondLaterNotOnEveryKey() {
    var schedule = AutosaveSchedule()
    schedule.changed(at: .seconds(1))
    schedule.failed(at: .seconds(2))
    schedule.changed(at: .seconds(2) + .milliseconds(100))
    #expect(!schedule.isDue(at: .seconds(2) + .milliseconds(500)))
    #expect(schedule.isDue(at: .seconds(3)))
  }

  @Test func relativeTimes() {
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    #expect(RelativeTime.describe(now.addingTimeInterval(-10), now: now) == "just now")
    #expect(RelativeTime.describe(now.addingTimeInterval(-300), now: now) == "5 min ago")
    #expect(RelativeTime.describe(now.addingTimeInterval(-3 * 3_600), now: now) == "3 h ago")
    #expect(RelativeTime.describe(now.addingTimeInterval(-30 * 3_600), now: now) == "yesterday")
    #expect(RelativeTime.describe(now.addingTimeInterval(-5 * 86_400), now: now) == "5 days ago")
    #expect(RelativeTime.describe(Date(timeIntervalSince1970: 1_700_000_000), now: now) == "2023-11-14")
  }
}
