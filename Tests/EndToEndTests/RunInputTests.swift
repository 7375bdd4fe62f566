import Foundation
import Testing

/// `coderemote run` with arguments for the program, its own limits, and standard input passed
/// through: from a pipe, with `--stdin -`, and from the keyboard at a real terminal (tmux). One at
/// a time: ten sandboxed runs at once starve the rest of the suite on a 2-core machine.
@Suite(.serialized) struct RunInputTests {
  static func lines(_ screen: String) -> [String] {
    screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// The shell has printed the command's exit status (`exited-N` on a line of its own).
  static func exited(_ screen: String) -> Bool { lines(screen).contains { $0.hasPrefix("exited-") } }

  @Test func wordsAfterTheFileAreTheProgramsArguments() async throws {
    let file = try TemporaryFile("import sys\nprint(sys.argv)\n")
    let outcome = try await offPool {
      try Binary.run(["run", "--timeout", "5", file.path, "a b", "-v", "--json", "--", ""])
    }
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.text == "['main.py', 'a b', '-v', '--json', '--', '']\n")
  }

  @Test func noArgumentsLeavesArgvTheProgramAlone() async throws {
    let file = try TemporaryFile("import sys\nprint(sys.argv)\n")
    #expect(try await offPool { try Binary.run(["run", file.path]) }.text == "['main.py']\n")
  }

  @Test func cpuLimitEndsABusyLoop() async throws {
    let file = try TemporaryFile("while True:\n    pass\n")
    let outcome = try await offPool {
      try Binary.run(["run", "--cpu", "1", "--timeout", "20", "--json", file.path])
    }
    #expect(outcome.status == 124)
    let object = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    #expect(object["status"] as? String == "timeout")
    #expect((object["limits"] as? [String: Any])?["cpu_ms"] as? Int == 1_000)
    // The CPU limit, not the wall clock (20 s), ended it.
    #expect((object["wall_ms"] as? Double ?? 99_999) < 10_000)
  }

  @Test func outputLimitInKilobytes() async throws {
    let file = try TemporaryFile("print('x' * 10_000)\n")
    let outcome = try await offPool { try Binary.run(["run", "--output-kb", "2", "--json", file.path]) }
    #expect(outcome.status == 137)
    let object = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    #expect(object["status"] as? String == "output_limit")
    #expect((object["limits"] as? [String: Any])?["output_kb"] as? Int == 2)
  }

  @Test func badLimitValuesAreUsageErrors() async throws {
    let file = try TemporaryFile("pass\n")
    for words in [["--cpu", "0"], ["--cpu", "soon"], ["--output-kb", "0"], ["--output-kb", "1.5"]] {
      let outcome = try await offPool { try Binary.run(["run"] + words + [file.path]) }
      #expect(outcome.status == 2, "\(words): \(outcome.stderr)")
    }
  }

  @Test func stdinDashPassesOurStandardInputThrough() async throws {
    let file = try TemporaryFile("import sys\nprint(sys.stdin.read().upper(), end='')\n")
    let outcome = try await offPool {
      try Binary.run(["run", "--stdin", "-", file.path], stdin: Data("piped\nlines\n".utf8))
    }
    #expect(outcome.status == 0)
    #expect(outcome.text == "PIPED\nLINES\n")
    // Without --stdin, a pipe passes through just the same.
    let plain = try await offPool { try Binary.run(["run", file.path], stdin: Data("again\n".utf8)) }
    #expect(plain.text == "AGAIN\n")
  }

  @Test func theProgramAndItsInputCannotBothBeStandardInput() async throws {
    let outcome = try await offPool {
      try Binary.run(["run", "--stdin", "-", "-"], stdin: Data("print(1)\n".utf8))
    }
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("cannot both come from standard input"), "\(outcome.stderr)")
  }

  @Test func aProgramThatIgnoresItsInputEndsWithoutIt() async throws {
    // Standard input is a pipe nobody writes to or closes: the program's end does not wait on it.
    let file = try TemporaryFile("print('done')\n")
    let (finished, status, output) = try await offPool {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Binary.path)
      process.arguments = ["run", file.path]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      let ended = DispatchSemaphore(value: 0)
      process.terminationHandler = { _ in ended.signal() }
      try process.run()
      // Only a bound for the failure: a working run ends in well under a second.
      let finished = ended.wait(timeout: .now() + 20) == .success
      if !finished { process.terminate() }
      try input.fileHandleForWriting.close()
      process.waitUntilExit()
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      return (finished, process.terminationStatus, text)
    }
    #expect(finished, "the run waited for its standard input to close")
    #expect(status == 0)
    #expect(output == "done\n")
  }

  @Test func theKeyboardReachesTheProgramAtATerminal() async throws {
    let file = try TemporaryFile(
      "name = input('Name: ')\nprint('hello', name)\nage = input('Age: ')\nprint('next year', int(age) + 1)\n"
    )
    let screen = try await offPool {
      let tmux = try TmuxSession()
      try tmux.type("\(Binary.path) run --timeout 30 \(file.path); echo exited-$?")
      try tmux.press("Enter")
      try tmux.waitFor { $0.contains("Name:") }
      try tmux.type("Ada")
      try tmux.press("Enter")
      try tmux.waitFor { $0.contains("hello Ada") && $0.contains("Age:") }
      try tmux.type("41")
      try tmux.press("Enter")
      return try tmux.waitFor(Self.exited)
    }
    #expect(screen.contains("next year 42") && screen.contains("exited-0"), "\(screen)")
  }

  @Test func ctrlDAtATerminalIsEndOfFile() async throws {
    let file = try TemporaryFile("import sys\nprint('ready')\nprint('lines:', len(sys.stdin.readlines()))\n")
    let screen = try await offPool {
      let tmux = try TmuxSession()
      try tmux.type("\(Binary.path) run --timeout 30 \(file.path); echo exited-$?")
      try tmux.press("Enter")
      try tmux.waitFor { Self.lines($0).contains("ready") }
      try tmux.type("one")
      try tmux.press("Enter")
      try tmux.type("two")
      try tmux.press("Enter", "C-d")
      return try tmux.waitFor(Self.exited)
    }
    #expect(screen.contains("lines: 2") && screen.contains("exited-0"), "\(screen)")
  }
}
