/// The selection: an anchor that stays put and a head that moves (the cursor). Empty when both are
/// equal. Byte offsets into the text, always on character boundaries.
public struct Selection: Hashable, Sendable {
  public var anchor: Int
  public var head: Int

  public init(anchor: Int, head: Int) {
    self.anchor = anchor
    self.head = head
  }

  public static func cursor(_ offset: Int) -> Selection { Selection(anchor: offset, head: offset) }

  public var range: Range<Int> { min(anchor, head)..<max(anchor, head) }
  public var isEmpty: Bool { anchor == head }

  /// The same selection in the text after `edit`.
  public func mapped(through edit: Edit) -> Selection {
    if isEmpty { return .cursor(edit.map(head, bias: .after)) }
    // Text inserted at the edges stays outside the selection.
    let forward = anchor <= head
    let start = edit.map(range.lowerBound, bias: .after)
    let end = max(start, edit.map(range.upperBound, bias: .before))
    return forward ? Selection(anchor: start, head: end) : Selection(anchor: end, head: start)
  }
}
