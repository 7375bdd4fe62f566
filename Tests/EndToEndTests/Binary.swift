import Foundation
import Glibc

/// The built `coderemote` binary, beside the test bundle (whatever the scratch path), or named by
/// CODEREMOTE_BIN.
enum Binary {
  static let path: String = {
    if let path = ProcessInfo.processInfo.environment["CODEREMOTE_BIN"] { return path }
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("coderemote").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/coderemote").path
  }()

  /// What a finished command left behind.
  struct Outcome {
    var status: Int32
    var stdout: Data
    var stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// Runs a program to the end with the given arguments and standard input.
  ///
  /// posix_spawn rather than Foundation's Process: Process learns of the exit through a descriptor the
  /// child inherits, so a child that leaves a daemon behind (tmux starting its server) never "exits".
  static func run(_ arguments: [String], stdin: Data = Data(), executable: String = path) throws -> Outcome {
    let child = try spawn(arguments, executable: executable)
    // Feed stdin from a thread so a program that writes before reading cannot deadlock us.
    let writer = Thread { [fd = child.stdin] in
      stdin.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
          let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
          if n <= 0 { break }
          offset += n
        }
      }
      close(fd)
    }
    writer.start()
    let outcome = finish(child)
    while !writer.isFinished { usleep(1_000) }
    return outcome
  }

  /// A started program: its pid and our ends of its three pipes.
  struct Child {
    var pid: pid_t
    var stdin: Int32
    var stdout: Int32
    var stderr: Int32
  }

  /// Starts a program with pipes for its standard input, output and error, with no signal blocked
  /// (whatever thread of the test runner starts it).
  static func spawn(_ arguments: [String], executable: String = path) throws -> Child {
    var input: [Int32] = [-1, -1]
    var output: [Int32] = [-1, -1]
    var errors: [Int32] = [-1, -1]
    guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else { throw POSIXError(.EMFILE) }
    for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input[0], 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    close(input[0])
    close(output[1])
    close(errors[1])
    guard spawned == 0 else {
      [input[1], output[0], errors[0]].forEach { close($0) }
      throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
    }
    return Child(pid: pid, stdin: input[1], stdout: output[0], stderr: errors[0])
  }

  /// Reads a started program's output to its end and reaps it; `read` is what was read before.
  static func finish(_ child: Child, read: (stdout: [UInt8], stderr: [UInt8]) = ([], [])) -> Outcome {
    let (stdout, stderr) = readBoth(child.stdout, child.stderr)
    var status: Int32 = 0
    while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
    let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Outcome(
      status: code, stdout: Data(read.stdout + stdout),
      stderr: String(decoding: read.stderr + stderr, as: UTF8.self))
  }

  /// Reads two pipes to their ends at once, so neither can fill up and stall the child.
  private static func readBoth(_ a: Int32, _ b: Int32) -> ([UInt8], [UInt8]) {
    var results: [[UInt8]] = [[], []]
    var fds = [
      pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0),
    ]
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while fds.contains(where: { $0.fd >= 0 }) {
      _ = poll(&fds, nfds_t(fds.count), -1)
      for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
        let n = read(fds[i].fd, &buffer, buffer.count)
        if n > 0 {
          results[i] += buffer[0..<n]
        } else if n == 0 || errno != EINTR {
          close(fds[i].fd)
          fds[i].fd = -1
        }
      }
    }
    return (results[0], results[1])
  }
}

/// A temporary file (in a directory of its own, which it removes when released). `name` may
/// include subdirectories: "coderemote/config.toml".
final class TemporaryFile: Sendable {
  let directory: URL
  let path: String

  init(_ contents: String, name: String = "main.py") throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coderemote-e2e-\(UUID().uuidString)")
    let file = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    path = file.path
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }
}
