import FoundationEssentials

/// A complexity analysis of a program: one shape for `coderemote analyze --json`, the server API and
/// the stored history (BRIEF §3). Big-O strings use the canonical spelling (`O(n log n)`, `O(n*m)`).
public struct AnalysisResult: Codable, Sendable, Equatable {
  public var time: String
  public var space: String
  public var confidence: AnalysisConfidence
  /// Which methods the answer rests on: `static`, `empirical`.
  public var sources: [String]
  public var functions: [Function]
  public var hotspots: [Hotspot]
  /// The timing fit, or nil when it did not run (`null` in JSON).
  public var empirical: Empirical?
  public var explanation: String

  public init(
    time: String, space: String, confidence: AnalysisConfidence, sources: [String],
    functions: [Function], hotspots: [Hotspot], empirical: Empirical?, explanation: String
  ) {
    self.time = time
    self.space = space
    self.confidence = confidence
    self.sources = sources
    self.functions = functions
    self.hotspots = hotspots
    self.empirical = empirical
    self.explanation = explanation
  }

  enum CodingKeys: String, CodingKey {
    case time, space, confidence, sources, functions, hotspots, empirical, explanation
  }

  /// `empirical` is written as `null` rather than left out, as the contract says.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(time, forKey: .time)
    try c.encode(space, forKey: .space)
    try c.encode(confidence, forKey: .confidence)
    try c.encode(sources, forKey: .sources)
    try c.encode(functions, forKey: .functions)
    try c.encode(hotspots, forKey: .hotspots)
    try c.encode(empirical, forKey: .empirical)
    try c.encode(explanation, forKey: .explanation)
  }

  /// The result as one line of JSON, keys in a stable order.
  public func jsonString() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// One function's figures. `cyclomatic` (McCabe's count of paths) is the secondary figure.
  public struct Function: Codable, Sendable, Equatable {
    public var name: String
    public var line: Int
    public var time: String
    public var space: String
    public var reason: String
    public var cyclomatic: Int

    public init(name: String, line: Int, time: String, space: String, reason: String, cyclomatic: Int) {
      self.name = name
      self.line = line
      self.time = time
      self.space = space
      self.reason = reason
      self.cyclomatic = cyclomatic
    }
  }

  /// A line that costs the most, and why.
  public struct Hotspot: Codable, Sendable, Equatable {
    public var line: Int
    public var cost: String
    public var why: String

    public init(line: Int, cost: String, why: String) {
      self.line = line
      self.cost = cost
      self.why = why
    }
  }

  /// What timing one function at growing sizes showed.
  public struct Empirical: Codable, Sendable, Equatable {
    public var function: String
    public var sizes: [Int]
    public var seconds: [Double]
    /// The class that fits best, canonical spelling.
    public var fit: String
    public var r2: Double
    /// Peak memory the call allocated at each size (tracemalloc), nil where it was not measured.
    public var peakKilobytes: [Int?]

    public init(
      function: String, sizes: [Int], seconds: [Double], fit: String, r2: Double, peakKilobytes: [Int?]
    ) {
      self.function = function
      self.sizes = sizes
      self.seconds = seconds
      self.fit = fit
      self.r2 = r2
      self.peakKilobytes = peakKilobytes
    }

    enum CodingKeys: String, CodingKey {
      case function, sizes, seconds, fit, r2
      case peakKilobytes = "peak_kb"
    }
  }
}
