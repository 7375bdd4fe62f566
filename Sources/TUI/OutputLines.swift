/// The output log's lines: the run's first line, then a ring of the latest ones. Appending to a
/// full ring overwrites its oldest line in place, so a flood costs the same per line however long
/// it runs (shifting a 20,000-line array for each chunk did not).
public struct OutputLines: RandomAccessCollection, MutableCollection, Sendable {
  private var first: [OutputLog.Line] = []
  private var ring: [OutputLog.Line] = []
  /// Where the oldest line of the ring is, once the ring is full.
  private var head = 0
  let capacity: Int

  init(capacity: Int) { self.capacity = Swift.max(2, capacity) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { first.count + ring.count }

  public subscript(index: Int) -> OutputLog.Line {
    get { index == 0 ? first[0] : ring[slot(index)] }
    _modify {
      if index == 0 {
        yield &first[0]
      } else {
        yield &ring[slot(index)]
      }
    }
  }

  private func slot(_ index: Int) -> Int { (head + index - 1) % ring.count }

  /// Adds a line; returns whether the oldest line after the first had to go for it.
  mutating func append(_ line: OutputLog.Line) -> Bool {
    if first.isEmpty {
      first = [line]
      return false
    }
    if ring.count < capacity - 1 {
      ring.append(line)
      return false
    }
    ring[head] = line
    head = (head + 1) % ring.count
    return true
  }

  mutating func removeAll() {
    first = []
    ring = []
    head = 0
  }
}
