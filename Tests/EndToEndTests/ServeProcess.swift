import Foundation
import Glibc

/// A real `coderemote serve` on a free loopback port, over a database in a temporary directory. It
/// is stopped (SIGTERM, then SIGKILL) when released; `kill9()` stops it as a crash would.
final class ServeProcess {
  let directory: URL
  var database: String { directory.appendingPathComponent("server.sqlite").path }
  var log: String { directory.appendingPathComponent("serve.log").path }
  private(set) var pid: pid_t = 0
  private(set) var port = 0
  private var stdout: Int32 = -1

  init(directory: URL? = nil) {
    self.directory =
      directory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "coderemote-serve-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(at: directory)
  }

  var url: String { "http://127.0.0.1:\(port)" }

  /// Starts the server and waits for its `listening on` line.
  func start(_ extra: [String] = []) throws {
    var output: [Int32] = [-1, -1]
    guard pipe(&output) == 0 else { throw POSIXError(.EMFILE) }
    for fd in output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    let logFD = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    defer { close(logFD) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_adddup2(&actions, logFD, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let arguments = [Binary.path, "serve", "--port", "0", "--db", database] + extra
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let spawned = posix_spawn(&pid, Binary.path, &actions, &attributes, argv, environ)
    close(output[1])
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    stdout = output[0]
    let line = try readLine(timeoutMilliseconds: 60_000)
    guard let range = line.range(of: "listening on http://127.0.0.1:"),
      let port = Int(line[range.upperBound...])
    else {
      throw ServeError.didNotStart(line + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
    }
    self.port = port
  }

  private func readLine(timeoutMilliseconds: Int32) throws -> String {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    var wait = pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)
    while true {
      guard poll(&wait, 1, timeoutMilliseconds) == 1 else {
        throw ServeError.didNotStart("no output in time")
      }
      guard read(stdout, &byte, 1) == 1 else { return String(decoding: line, as: UTF8.self) }
      if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
      line.append(byte)
    }
  }

  /// SIGTERM and wait: returns the exit status.
  @discardableResult
  func terminate() -> Int32 { signalAndWait(SIGTERM) }

  /// SIGKILL, as a crash.
  func kill9() { signalAndWait(SIGKILL) }

  func stop() {
    guard pid > 0 else { return }
    kill(pid, SIGTERM)
    // Up to 15 s for the graceful stop, then SIGKILL.
    for _ in 0..<1_500 {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid { return finished() }
      usleep(10_000)
    }
    signalAndWait(SIGKILL)
  }

  @discardableResult
  private func signalAndWait(_ signal: Int32) -> Int32 {
    guard pid > 0 else { return -1 }
    kill(pid, signal)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    finished()
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }

  private func finished() {
    pid = 0
    if stdout >= 0 { close(stdout) }
    stdout = -1
  }

  /// One request with curl: the status and the body (`-i` adds the headers before it).
  func curl(_ arguments: [String], token: String? = nil, stdin: Data = Data()) throws -> (
    status: Int, body: String
  ) {
    var all = ["-sS", "-o", "-", "-w", "\n%{http_code}", "--max-time", "60"]
    if let token { all += ["-H", "Authorization: Bearer \(token)"] }
    let outcome = try Binary.run(all + arguments, stdin: stdin, executable: "/usr/bin/curl")
    let text = outcome.text
    guard let newline = text.lastIndex(of: "\n"), let status = Int(text[text.index(after: newline)...]) else {
      throw ServeError.badResponse(text + outcome.stderr)
    }
    return (status, String(text[..<newline]))
  }

  /// Waits until `GET /metrics` holds `line` (true), or `timeoutSeconds` passed (false).
  func waitForMetric(_ line: String, token: String, timeoutSeconds: Double = 60) throws -> Bool {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while Date() < deadline {
      let metrics = try curl([url + "/metrics"], token: token)
      if metrics.body.split(separator: "\n").contains(Substring(line)) { return true }
      usleep(20_000)
    }
    return false
  }

  /// A new token for this server's database, made with `coderemote tokens create`.
  func createToken(_ name: String) throws -> String {
    let outcome = try Binary.run(["tokens", "create", name, "--db", database])
    guard outcome.status == 0 else { throw ServeError.badResponse(outcome.stderr) }
    return outcome.text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  enum ServeError: Error {
    case didNotStart(String)
    case badResponse(String)
  }
}
