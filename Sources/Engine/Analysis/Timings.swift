/// What the timing harness measured: the least seconds of one call at each size, and tracemalloc's
/// peak (nil where the budget left no room to measure it).
struct Timings: Decodable, Equatable {
  var sizes: [Int] = []
  var seconds: [Double] = []
  var peakKilobytes: [Int?] = []
  /// Why the sizes stopped growing, when not at the harness's own cap.
  var stopped: String?
  /// Why nothing could be timed.
  var error: String?

  enum CodingKeys: String, CodingKey {
    case sizes, seconds, stopped, error
    case peakKilobytes = "peak_kb"
  }

  init(sizes: [Int], seconds: [Double], peakKilobytes: [Int?] = [], stopped: String? = nil) {
    self.sizes = sizes
    self.seconds = seconds
    self.peakKilobytes = peakKilobytes
    self.stopped = stopped
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    error = try c.decodeIfPresent(String.self, forKey: .error)
    stopped = try c.decodeIfPresent(String.self, forKey: .stopped)
    sizes = try c.decodeIfPresent([Int].self, forKey: .sizes) ?? []
    seconds = try c.decodeIfPresent([Double].self, forKey: .seconds) ?? []
    peakKilobytes = try c.decodeIfPresent([Int?].self, forKey: .peakKilobytes) ?? []
  }
}
