/// When autosave writes: a short pause in typing, or at the latest `longest` after the first
/// change not yet saved — so steady typing is still saved every second, and a crash loses at
/// most about that much. Pure: times are passed in.
struct AutosaveSchedule: Equatable {
  static let pause: Duration = .milliseconds(300)
  static let longest: Duration = .seconds(1)

  private(set) var firstChange: Duration?
  private(set) var lastChange: Duration?
  /// After a failed write: no new attempt before this, however the user types.
  private(set) var retryAt: Duration?

  mutating func changed(at now: Duration) {
    if firstChange == nil { firstChange = now }
    lastChange = now
  }

  /// When the pending change should be written; nil when there is none.
  var deadline: Duration? {
    guard let firstChange, let lastChange else { return nil }
    let due = min(lastChange + Self.pause, firstChange + Self.longest)
    return retryAt.map { max(due, $0) } ?? due
  }

  func isDue(at now: Duration) -> Bool { deadline.map { now >= $0 } ?? false }

  /// The write happened: nothing is pending.
  mutating func saved() {
    firstChange = nil
    lastChange = nil
    retryAt = nil
  }

  /// The write failed: try again after another `longest`, not on every key.
  mutating func failed(at now: Duration) {
    firstChange = now
    lastChange = now
    retryAt = now + Self.longest
  }
}
