/// Prefix sums that stay logarithmic under point updates (a binary indexed tree). `TextStorage`
/// keeps one over its chunks' byte counts and one over their newline counts, so turning an offset
/// into a line, or a line into an offset, never walks the whole document.
struct FenwickTree: Sendable {
  /// One-based tree: `tree[i]` sums the values in `(i - lowbit(i)) ..< i` (zero-based).
  private var tree: [Int]

  init(_ values: [Int]) {
    tree = [0] + values
    // Linear-time build: push each node's sum into its parent.
    for i in 1..<max(1, tree.count) {
      let parent = i + (i & -i)
      if parent < tree.count { tree[parent] += tree[i] }
    }
  }

  var count: Int { tree.count - 1 }

  /// Adds `delta` to the value at `index`.
  mutating func add(_ delta: Int, at index: Int) {
    var i = index + 1
    while i < tree.count {
      tree[i] += delta
      i += i & -i
    }
  }

  /// The sum of the first `count` values.
  func prefixSum(_ count: Int) -> Int {
    var i = count
    var sum = 0
    while i > 0 {
      sum += tree[i]
      i -= i & -i
    }
    return sum
  }

  /// The smallest `k` with `prefixSum(k) >= target` (values must be non-negative), or `count + 1`
  /// when even the whole sum is smaller.
  func firstPrefix(reaching target: Int) -> Int {
    if target <= 0 { return 0 }
    var position = 0
    var remaining = target
    var step = 1
    while step * 2 < tree.count { step *= 2 }
    while step > 0 {
      let next = position + step
      if next < tree.count && tree[next] < remaining {
        position = next
        remaining -= tree[next]
      }
      step /= 2
    }
    return position + 1
  }
}
