/// How sure an analysis is of its answer.
public enum AnalysisConfidence: String, Codable, Sendable, Comparable, CaseIterable {
  case low, medium, high

  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
