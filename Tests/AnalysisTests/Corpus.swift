import Testing

/// The labelled programs the accuracy test measures the analysis against (docs/analysis.md has the
/// figures). `measured` is the class timing should show, nil where timing cannot tell, and why.
enum Corpus {
  struct Program: Sendable, CustomTestStringConvertible {
    var name: String
    var time: String
    var measured: String?
    var whyNotMeasured: String
    var code: String
    var testDescription: String { name }
  }

  static let programs: [Program] = [
    Program(
      name: "first element", time: "O(1)", measured: "O(1)", whyNotMeasured: "",
      code: """
        def first(arr):
            return arr[0] + arr[-1]
        """),
    Program(
      name: "constant loop", time: "O(1)", measured: "O(1)", whyNotMeasured: "",
      code: """
        def head_sum(arr):
            total = 0
            for i in range(10):
                total += arr[i]
            return total
        """),
    Program(
      name: "arithmetic series", time: "O(1)", measured: "O(1)", whyNotMeasured: "",
      code: """
        def series(n):
            return n * (n + 1) // 2
        """),
    Program(
      name: "sum of a list", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def total(nums):
            s = 0
            for x in nums:
                s += x
            return s
        """),
    Program(
      name: "manual maximum", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def largest(arr):
            best = arr[0]
            for i in range(1, len(arr)):
                if arr[i] > best:
                    best = arr[i]
            return best
        """),
    Program(
      name: "character counts", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def counts(s):
            seen = {}
            for ch in s:
                seen[ch] = seen.get(ch, 0) + 1
            return seen
        """),
    Program(
      name: "sequential loops", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def spread(arr):
            low = high = arr[0]
            for x in arr:
                low = min(low, x)
            for x in arr:
                high = max(high, x)
            return high - low
        """),
    Program(
      name: "constant inner loop", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def letters(s):
            hits = 0
            for ch in s:
                for k in range(26):
                    if ord(ch) - 97 == k:
                        hits += 1
            return hits
        """),
    Program(
      name: "all pairs", time: "O(n^2)", measured: "O(n^2)", whyNotMeasured: "",
      code: """
        def pairs(arr):
            count = 0
            for i in range(len(arr)):
                for j in range(len(arr)):
                    if arr[i] < arr[j]:
                        count += 1
            return count
        """),
    Program(
      name: "triangle of pairs", time: "O(n^2)", measured: "O(n^2)", whyNotMeasured: "",
      code: """
        def zero_pairs(nums):
            count = 0
            for i in range(len(nums)):
                for j in range(i + 1, len(nums)):
                    if nums[i] + nums[j] == 0:
                        count += 1
            return count
        """),
    Program(
      name: "triple loop", time: "O(n^3)", measured: "O(n^3)", whyNotMeasured: "",
      code: """
        def triples(arr):
            n = len(arr)
            count = 0
            for i in range(n):
                for j in range(n):
                    for k in range(n):
                        if arr[i] + arr[j] == arr[k]:
                            count += 1
            return count
        """),
    Program(
      name: "matrix product", time: "O(n^3)", measured: "O(n^3)", whyNotMeasured: "",
      code: """
        def matmul(n):
            a = [[1] * n for _ in range(n)]
            b = [[2] * n for _ in range(n)]
            c = [[0] * n for _ in range(n)]
            for i in range(n):
                for j in range(n):
                    for k in range(n):
                        c[i][j] += a[i][k] * b[k][j]
            return c
        """),
    Program(
      name: "binary search", time: "O(log n)", measured: "O(log n)", whyNotMeasured: "",
      code: """
        def search(sorted_arr, target):
            lo, hi = 0, len(sorted_arr) - 1
            while lo <= hi:
                mid = (lo + hi) // 2
                if sorted_arr[mid] == target:
                    return mid
                if sorted_arr[mid] < target:
                    lo = mid + 1
                else:
                    hi = mid - 1
            return -1
        """),
    Program(
      name: "halving loop", time: "O(log n)", measured: "O(log n)", whyNotMeasured: "",
      code: """
        def bits(n):
            count = 0
            while n > 0:
                n //= 2
                count += 1
            return count
        """),
    Program(
      name: "doubling loop", time: "O(log n)", measured: "O(log n)", whyNotMeasured: "",
      code: """
        def powers(n):
            i = 1
            steps = 0
            while i < n:
                i *= 2
                steps += 1
            return steps
        """),
    Program(
      name: "halving outer loop, linear inner", time: "O(n log n)", measured: "O(n log n)",
      whyNotMeasured: "",
      code: """
        def layers(n):
            total = 0
            size = n
            while size > 0:
                for j in range(n):
                    total += 1
                size //= 2
            return total
        """),
    Program(
      name: "sort then scan", time: "O(n log n)", measured: "O(n log n)", whyNotMeasured: "",
      code: """
        def closest_gap(nums):
            ordered = sorted(nums)
            best = None
            for i in range(1, len(ordered)):
                gap = ordered[i] - ordered[i - 1]
                if best is None or gap < best:
                    best = gap
            return best
        """),
    Program(
      name: "merge sort", time: "O(n log n)", measured: "O(n log n)", whyNotMeasured: "",
      code: """
        def merge_sort(arr):
            if len(arr) <= 1:
                return arr
            mid = len(arr) // 2
            left = merge_sort(arr[:mid])
            right = merge_sort(arr[mid:])
            out = []
            i = j = 0
            while i < len(left) and j < len(right):
                if left[i] <= right[j]:
                    out.append(left[i])
                    i += 1
                else:
                    out.append(right[j])
                    j += 1
            out.extend(left[i:])
            out.extend(right[j:])
            return out
        """),
    Program(
      name: "heap sort with heapq", time: "O(n log n)", measured: "O(n log n)", whyNotMeasured: "",
      code: """
        import heapq

        def heap_sort(nums):
            heap = []
            for x in nums:
                heapq.heappush(heap, x)
            return [heapq.heappop(heap) for _ in range(len(heap))]
        """),
    Program(
      name: "sort inside a loop", time: "O(n^2 log n)", measured: nil,
      whyNotMeasured: "n^2 log n is not one of the fitted classes",
      code: """
        def resort(arr):
            out = []
            for x in arr:
                out.append(x)
                out = sorted(out)
            return out
        """),
    Program(
      name: "membership in a list", time: "O(n^2)", measured: "O(n^2)", whyNotMeasured: "",
      code: """
        def has_duplicate(nums):
            seen = []
            for x in nums:
                if x in seen:
                    return True
                seen.append(x)
            return False
        """),
    Program(
      name: "membership in a set", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def has_duplicate(nums):
            seen = set()
            for x in nums:
                if x in seen:
                    return True
                seen.add(x)
            return False
        """),
    Program(
      name: "membership in a dict", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def two_sum(nums, target):
            where = {}
            for i, x in enumerate(nums):
                if target - x in where:
                    return where[target - x], i
                where[x] = i
            return None
        """),
    Program(
      name: "pop(0) drains a list", time: "O(n^2)", measured: nil,
      whyNotMeasured: "CPython's memmove makes pop(0) look linear below a million elements",
      code: """
        def drain(arr):
            queue = list(arr)
            total = 0
            while queue:
                total += queue.pop(0)
            return total
        """),
    Program(
      name: "deque popleft", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        from collections import deque

        def drain(arr):
            queue = deque(arr)
            total = 0
            while queue:
                total += queue.popleft()
            return total
        """),
    Program(
      name: "insert at the front", time: "O(n^2)", measured: nil,
      whyNotMeasured: "memmove again: quadratic only past the sizes a budget reaches",
      code: """
        def reverse_copy(arr):
            out = []
            for x in arr:
                out.insert(0, x)
            return out
        """),
    Program(
      name: "string building with +=", time: "O(n^2)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def spell(n):
            s = ""
            for i in range(n):
                s += "x"
            return s
        """),
    Program(
      name: "string building with join", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def spell(n):
            parts = []
            for i in range(n):
                parts.append("x")
            return "".join(parts)
        """),
    Program(
      name: "naive Fibonacci", time: "O(2^n)", measured: "O(2^n)", whyNotMeasured: "",
      code: """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        """),
    Program(
      name: "Fibonacci with lru_cache", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        from functools import lru_cache

        @lru_cache(maxsize=None)
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        """),
    Program(
      name: "Fibonacci with a dict memo", time: "O(n)", measured: nil,
      whyNotMeasured: "recursion depth caps n below 1000: too few sizes for a fit that holds",
      code: """
        def fib(n, memo=None):
            if memo is None:
                memo = {}
            if n in memo:
                return memo[n]
            if n < 2:
                return n
            memo[n] = fib(n - 1, memo) + fib(n - 2, memo)
            return memo[n]
        """),
    Program(
      name: "iterative Fibonacci", time: "O(n)", measured: nil,
      whyNotMeasured: "big integers: an addition costs O(n) digits, so timing sees n to n^2",
      code: """
        def fib(n):
            a, b = 0, 1
            for _ in range(n):
                a, b = b, a + b
            return a
        """),
    Program(
      name: "all subsets", time: "O(2^n)", measured: "O(2^n)", whyNotMeasured: "",
      code: """
        def subsets(nums):
            if not nums:
                return [[]]
            rest = subsets(nums[1:])
            return rest + [[nums[0]] + s for s in rest]
        """),
    Program(
      name: "count subsets by recursion", time: "O(2^n)", measured: "O(2^n)", whyNotMeasured: "",
      code: """
        def count(n):
            if n == 0:
                return 1
            return count(n - 1) + count(n - 1)
        """),
    Program(
      name: "permutations", time: "O(n!)", measured: "O(2^n)", whyNotMeasured: "",
      code: """
        def permutations(arr):
            if len(arr) <= 1:
                return [arr]
            out = []
            for i in range(len(arr)):
                for p in permutations(arr[:i] + arr[i + 1:]):
                    out.append([arr[i]] + p)
            return out
        """),
    Program(
      name: "recursive sum with slicing", time: "O(n^2)", measured: nil,
      whyNotMeasured: "recursion depth caps n below 1000; the copies are memcpy-fast there",
      code: """
        def total(nums):
            if not nums:
                return 0
            return nums[0] + total(nums[1:])
        """),
    Program(
      name: "recursive sum with an index", time: "O(n)", measured: nil,
      whyNotMeasured: "recursion depth caps n below 1000",
      code: """
        def total(nums, i=0):
            if i == len(nums):
                return 0
            return nums[i] + total(nums, i + 1)
        """),
    Program(
      name: "binary search with slicing", time: "O(n)", measured: nil,
      whyNotMeasured: "the slices are memcpy: a few µs up to the list sizes a budget reaches",
      code: """
        def contains(sorted_arr, target):
            if not sorted_arr:
                return False
            mid = len(sorted_arr) // 2
            if sorted_arr[mid] == target:
                return True
            if sorted_arr[mid] < target:
                return contains(sorted_arr[mid + 1:], target)
            return contains(sorted_arr[:mid], target)
        """),
    Program(
      name: "binary search with indices", time: "O(log n)", measured: "O(log n)", whyNotMeasured: "",
      code: """
        def find(sorted_arr, target, lo=0, hi=None):
            if hi is None:
                hi = len(sorted_arr) - 1
            if lo > hi:
                return -1
            mid = (lo + hi) // 2
            if sorted_arr[mid] == target:
                return mid
            if sorted_arr[mid] < target:
                return find(sorted_arr, target, mid + 1, hi)
            return find(sorted_arr, target, lo, mid - 1)
        """),
    Program(
      name: "two independent sizes, nested", time: "O(n*m)", measured: "O(n^2)", whyNotMeasured: "",
      code: """
        def common(a, b):
            count = 0
            for x in a:
                for y in b:
                    if x == y:
                        count += 1
            return count
        """),
    Program(
      name: "two independent sizes, one after the other", time: "O(n+m)", measured: "O(n)",
      whyNotMeasured: "",
      code: """
        def both(a, b):
            total = 0
            for x in a:
                total += x
            for y in b:
                total += y
            return total
        """),
    Program(
      name: "linear helper in a loop", time: "O(n^2)", measured: "O(n^2)", whyNotMeasured: "",
      code: """
        def smaller(arr, x):
            return sum(1 for y in arr if y < x)

        def ranks(arr):
            return [smaller(arr, x) for x in arr]
        """),
    Program(
      name: "linear helper called once", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def mean(arr):
            return sum(arr) / len(arr)

        def centred(arr):
            m = mean(arr)
            return [x - m for x in arr]
        """),
    Program(
      name: "sliding window", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def longest_under(nums, limit):
            left = 0
            total = 0
            best = 0
            for right in range(len(nums)):
                total += nums[right]
                while total > limit and left <= right:
                    total -= nums[left]
                    left += 1
                best = max(best, right - left + 1)
            return best
        """),
    Program(
      name: "count() inside a loop", time: "O(n^2)", measured: "O(n^2)", whyNotMeasured: "",
      code: """
        def modes(arr):
            best = None
            for x in arr:
                if best is None or arr.count(x) > arr.count(best):
                    best = x
            return best
        """),
    Program(
      name: "longest common subsequence, memoized", time: "O(n*m)", measured: nil,
      whyNotMeasured: "the nested function is not analysed on its own yet",
      code: """
        from functools import lru_cache

        def lcs(text1, text2):
            @lru_cache(maxsize=None)
            def go(i, j):
                if i == len(text1) or j == len(text2):
                    return 0
                if text1[i] == text2[j]:
                    return 1 + go(i + 1, j + 1)
                return max(go(i + 1, j), go(i, j + 1))
            return go(0, 0)
        """),
    Program(
      name: "script reading its size", time: "O(n^2)", measured: nil,
      whyNotMeasured: "no function to time: the module reads stdin",
      code: """
        n = int(input())
        total = 0
        for i in range(n):
            for j in range(n):
                total += i ^ j
        print(total)
        """),
    Program(
      name: "bucket fill with a dict of lists", time: "O(n)", measured: "O(n)", whyNotMeasured: "",
      code: """
        def group(nums):
            buckets = {}
            for x in nums:
                buckets.setdefault(x % 10, []).append(x)
            return buckets
        """),
  ]
}
