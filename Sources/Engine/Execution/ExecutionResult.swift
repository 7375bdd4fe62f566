import FoundationEssentials

/// The outcome of one run: one shape for the CLI's `--json`, the server API and the stored history.
public struct ExecutionResult: Codable, Sendable, Equatable {
  public var id: String
  public var status: ExecutionStatus
  public var exitCode: Int?
  public var signal: Int?
  /// Raw bytes as the program wrote them; JSON carries them as text, plus base64 when not UTF-8.
  public var stdout: [UInt8]
  public var stderr: [UInt8]
  public var stdoutTruncated: Bool
  public var stderrTruncated: Bool
  public var wallMilliseconds: Double
  public var cpuMilliseconds: Double
  public var maxRSSKilobytes: Int
  public var backend: String
  public var isolation: String
  public var limits: ExecutionLimits
  /// Why the run ended the way it did, in words, when the status alone does not say it.
  public var message: String?
  /// Set when the program never started: the `ExecutionError` code that stopped it (the server
  /// stores it with the `internal_error` result, so a client sees why in machine terms too).
  public var errorCode: ExecutionError.Code?

  public init(
    id: String, status: ExecutionStatus, exitCode: Int? = nil, signal: Int? = nil,
    stdout: [UInt8] = [], stderr: [UInt8] = [], stdoutTruncated: Bool = false,
    stderrTruncated: Bool = false, wallMilliseconds: Double = 0, cpuMilliseconds: Double = 0,
    maxRSSKilobytes: Int = 0, backend: String = "local", isolation: String,
    limits: ExecutionLimits, message: String? = nil, errorCode: ExecutionError.Code? = nil
  ) {
    self.id = id
    self.status = status
    self.exitCode = exitCode
    self.signal = signal
    self.stdout = stdout
    self.stderr = stderr
    self.stdoutTruncated = stdoutTruncated
    self.stderrTruncated = stderrTruncated
    self.wallMilliseconds = wallMilliseconds
    self.cpuMilliseconds = cpuMilliseconds
    self.maxRSSKilobytes = maxRSSKilobytes
    self.backend = backend
    self.isolation = isolation
    self.limits = limits
    self.message = message
    self.errorCode = errorCode
  }

  enum CodingKeys: String, CodingKey {
    case id, status, signal, stdout, stderr, backend, isolation, limits, message
    case exitCode = "exit_code"
    case errorCode = "error_code"
    case stdoutBase64 = "stdout_b64"
    case stderrBase64 = "stderr_b64"
    case stdoutTruncated = "stdout_truncated"
    case stderrTruncated = "stderr_truncated"
    case wallMilliseconds = "wall_ms"
    case cpuMilliseconds = "cpu_ms"
    case maxRSSKilobytes = "max_rss_kb"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(status, forKey: .status)
    try c.encode(exitCode, forKey: .exitCode)
    try c.encode(signal, forKey: .signal)
    try Self.encodeOutput(stdout, text: .stdout, base64: .stdoutBase64, into: &c)
    try Self.encodeOutput(stderr, text: .stderr, base64: .stderrBase64, into: &c)
    try c.encode(stdoutTruncated, forKey: .stdoutTruncated)
    try c.encode(stderrTruncated, forKey: .stderrTruncated)
    try c.encode(Self.rounded(wallMilliseconds), forKey: .wallMilliseconds)
    try c.encode(Self.rounded(cpuMilliseconds), forKey: .cpuMilliseconds)
    try c.encode(maxRSSKilobytes, forKey: .maxRSSKilobytes)
    try c.encode(backend, forKey: .backend)
    try c.encode(isolation, forKey: .isolation)
    try c.encode(limits, forKey: .limits)
    try c.encodeIfPresent(message, forKey: .message)
    try c.encodeIfPresent(errorCode, forKey: .errorCode)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    status = try c.decode(ExecutionStatus.self, forKey: .status)
    exitCode = try c.decodeIfPresent(Int.self, forKey: .exitCode)
    signal = try c.decodeIfPresent(Int.self, forKey: .signal)
    stdout = try Self.decodeOutput(text: .stdout, base64: .stdoutBase64, from: c)
    stderr = try Self.decodeOutput(text: .stderr, base64: .stderrBase64, from: c)
    stdoutTruncated = try c.decodeIfPresent(Bool.self, forKey: .stdoutTruncated) ?? false
    stderrTruncated = try c.decodeIfPresent(Bool.self, forKey: .stderrTruncated) ?? false
    wallMilliseconds = try c.decodeIfPresent(Double.self, forKey: .wallMilliseconds) ?? 0
    cpuMilliseconds = try c.decodeIfPresent(Double.self, forKey: .cpuMilliseconds) ?? 0
    maxRSSKilobytes = try c.decodeIfPresent(Int.self, forKey: .maxRSSKilobytes) ?? 0
    backend = try c.decodeIfPresent(String.self, forKey: .backend) ?? "local"
    isolation = try c.decodeIfPresent(String.self, forKey: .isolation) ?? "none"
    limits = try c.decodeIfPresent(ExecutionLimits.self, forKey: .limits) ?? .defaults
    message = try c.decodeIfPresent(String.self, forKey: .message)
    // A code this build does not know (a newer server's) is dropped; the message still says why.
    errorCode = (try? c.decodeIfPresent(ExecutionError.Code.self, forKey: .errorCode)) ?? nil
  }

  /// Text for people and JSON; when the bytes are not UTF-8 the text is the lossy view and the
  /// base64 field carries the exact bytes.
  private static func encodeOutput(
    _ bytes: [UInt8], text: CodingKeys, base64: CodingKeys,
    into c: inout KeyedEncodingContainer<CodingKeys>
  ) throws {
    if let exact = String(validating: bytes, as: UTF8.self) {
      try c.encode(exact, forKey: text)
    } else {
      try c.encode(String(decoding: bytes, as: UTF8.self), forKey: text)
      try c.encode(Data(bytes).base64EncodedString(), forKey: base64)
    }
  }

  private static func decodeOutput(
    text: CodingKeys, base64: CodingKeys, from c: KeyedDecodingContainer<CodingKeys>
  ) throws -> [UInt8] {
    if let encoded = try c.decodeIfPresent(String.self, forKey: base64) {
      guard let data = Data(base64Encoded: encoded) else {
        throw DecodingError.dataCorruptedError(
          forKey: base64, in: c, debugDescription: "not valid base64")
      }
      return [UInt8](data)
    }
    return Array((try c.decodeIfPresent(String.self, forKey: text) ?? "").utf8)
  }

  private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  /// The result as one line of JSON, keys in a stable order.
  public func jsonString() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
