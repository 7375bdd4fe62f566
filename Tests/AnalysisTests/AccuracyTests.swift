import Execution
import FoundationEssentials
import Sandbox
import Testing

@testable import Analysis

/// The analysis against the labelled corpus, through the real sandbox. Reports accuracy per source
/// and fails under its floors: static ≥ 90%; empirical: see `empiricalAccuracy`.
@Suite(.serialized) struct AccuracyTests {
  let backend = LocalBackend(configuration: .default)

  @Test func corpusIsBigEnoughAndCoversEveryClass() {
    #expect(Corpus.programs.count >= 40)
    let labels = Set(Corpus.programs.map(\.time))
    for label in ["O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)", "O(n!)", "O(n*m)"] {
      #expect(labels.contains(label), "no program labelled \(label)")
    }
  }

  @Test func staticAccuracy() async throws {
    let analyzer = ComplexityAnalyzer(backend: backend)
    var right = 0
    for program in Corpus.programs {
      let result = try await analyzer.analyze(program.code, empirical: false)
      if result.time == program.time {
        right += 1
      } else {
        print(
          "static miss: \(program.name): labelled \(program.time), said \(result.time) (\(result.explanation))"
        )
      }
    }
    let accuracy = Double(right) / Double(Corpus.programs.count)
    print("static accuracy: \(right)/\(Corpus.programs.count) = \(Int((accuracy * 100).rounded()))%")
    #expect(accuracy >= 0.9)
  }

  /// The timing fit over the corpus. Its exact accuracy is a measurement of the machine as much as
  /// of the fit: on 2 shared cores, another process on the sibling thread halves a call's speed
  /// mid-series, and caches blur a log factor. So `make test` holds what survives any load — every
  /// program timed, every quadratic-or-worse program fitted quadratic or worse, and 60% exact
  /// (79–89% seen at load 15–20) — and `make bench` holds the 85%
  /// (`CODEREMOTE_ACCURACY_FLOOR=0.85`, docs/analysis.md).
  @Test func empiricalAccuracy() async throws {
    let floor = ProcessInfo.processInfo.environment["CODEREMOTE_ACCURACY_FLOOR"].flatMap(Double.init) ?? 0.6
    let analyzer = ComplexityAnalyzer(backend: backend, budgetSeconds: 1.5)
    let timed = Corpus.programs.filter { $0.measured != nil }
    let steep: Set<String> = ["O(n^2)", "O(n^3)", "O(2^n)"]
    var right = 0
    for program in timed {
      let result = try await analyzer.analyze(program.code, empirical: true)
      let fit = result.empirical?.fit ?? "not timed"
      #expect(result.empirical != nil, "\(program.name) was not timed: \(result.explanation)")
      if steep.contains(program.measured!) {
        #expect(steep.contains(fit), "\(program.name): labelled \(program.measured!), fitted \(fit)")
      }
      if fit == program.measured {
        right += 1
        continue
      }
      let points = result.empirical.map { "\($0.sizes) \($0.seconds)" } ?? result.explanation
      print("empirical miss: \(program.name): labelled \(program.measured!), fitted \(fit) \(points)")
    }
    let accuracy = Double(right) / Double(timed.count)
    print(
      "empirical accuracy: \(right)/\(timed.count) = \(Int((accuracy * 100).rounded()))% (floor \(floor))")
    #expect(accuracy >= floor)
  }
}
