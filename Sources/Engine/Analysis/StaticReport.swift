import Execution

/// What the static helper (`StaticAnalysisScript`) answers, as it writes it.
struct StaticReport: Decodable, Equatable {
  var ok: Bool
  var error: String?
  var line: Int?
  var time: String = "O(1)"
  var space: String = "O(1)"
  var confidence: AnalysisConfidence = .high
  /// The function the overall figures come from, or `<module>`.
  var owner: String = "<module>"
  var reason: String = ""
  /// `time` with every size called n, to compare with a measurement of one size.
  var timeInN: String = "O(1)"
  var functions: [Function] = []
  var hotspots: [Hotspot] = []
  var notes: [String] = []
  var directive: EntryPoint?
  var candidates: [EntryPoint] = []

  struct Function: Decodable, Equatable {
    var name: String
    var line: Int
    var time: String
    var space: String
    var reason: String
    var cyclomatic: Int
    var confidence: AnalysisConfidence
    var timeInN: String

    enum CodingKeys: String, CodingKey {
      case name, line, time, space, reason, cyclomatic, confidence
      case timeInN = "time_n"
    }
  }

  struct Hotspot: Decodable, Equatable {
    var line: Int
    var cost: String
    var why: String
    var function: String
  }

  enum CodingKeys: String, CodingKey {
    case ok, error, line, time, space, confidence, owner, reason, functions, hotspots, notes, directive,
      candidates
    case timeInN = "time_n"
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    ok = try c.decode(Bool.self, forKey: .ok)
    error = try c.decodeIfPresent(String.self, forKey: .error)
    line = try c.decodeIfPresent(Int.self, forKey: .line)
    guard ok else { return }
    time = try c.decode(String.self, forKey: .time)
    space = try c.decode(String.self, forKey: .space)
    confidence = try c.decode(AnalysisConfidence.self, forKey: .confidence)
    owner = try c.decode(String.self, forKey: .owner)
    reason = try c.decode(String.self, forKey: .reason)
    timeInN = try c.decode(String.self, forKey: .timeInN)
    functions = try c.decode([Function].self, forKey: .functions)
    hotspots = try c.decode([Hotspot].self, forKey: .hotspots)
    notes = try c.decode([String].self, forKey: .notes)
    directive = try c.decodeIfPresent(EntryPoint.self, forKey: .directive)
    candidates = try c.decode([EntryPoint].self, forKey: .candidates)
  }

  func function(named name: String) -> Function? { functions.first { $0.name == name } }
}
