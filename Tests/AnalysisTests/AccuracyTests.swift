import Execution
import Sandbox
import Testing

@testable import Analysis

/// The analysis against the labelled corpus, through the real sandbox. Reports accuracy per source
/// and fails under the floors: static ≥ 90%, empirical ≥ 85% where timing applies.
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

  @Test func empiricalAccuracy() async throws {
    let analyzer = ComplexityAnalyzer(backend: backend, budgetSeconds: 1.5)
    let timed = Corpus.programs.filter { $0.measured != nil }
    var right = 0
    for program in timed {
      let result = try await analyzer.analyze(program.code, empirical: true)
      let fit = result.empirical?.fit ?? "not timed"
      if fit == program.measured {
        right += 1
      } else {
        let points = result.empirical.map { "\($0.sizes) \($0.seconds)" } ?? result.explanation
        print("empirical miss: \(program.name): labelled \(program.measured!), fitted \(fit) \(points)")
      }
    }
    let accuracy = Double(right) / Double(timed.count)
    print("empirical accuracy: \(right)/\(timed.count) = \(Int((accuracy * 100).rounded()))%")
    #expect(accuracy >= 0.85)
  }
}
