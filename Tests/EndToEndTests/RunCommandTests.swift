import Foundation
import Testing

/// `coderemote run`, `--version`, `--help` and `doctor` as a user calls them.
@Suite struct RunCommandTests {
  @Test func printsProgramOutputAndExitsWithItsCode() throws {
    let file = try TemporaryFile("import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(3)\n")
    let outcome = try Binary.run(["run", file.path])
    #expect(outcome.status == 3)
    #expect(outcome.text == "out\n")
    #expect(outcome.stderr == "err\n")
  }

  @Test func jsonIsExactlyOneResultObject() throws {
    let file = try TemporaryFile("print('hi')\n")
    let outcome = try Binary.run(["run", "--json", file.path])
    #expect(outcome.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    #expect(object["status"] as? String == "ok")
    #expect(object["exit_code"] as? Int == 0)
    #expect(object["stdout"] as? String == "hi\n")
    #expect(object["stdout_truncated"] as? Bool == false)
    #expect(object.keys.contains("signal"))
    #expect(object["signal"] is NSNull)
    #expect(object["backend"] as? String == "local")
    #expect((object["isolation"] as? String)?.isEmpty == false)
    for key in ["id", "stderr", "stderr_truncated", "wall_ms", "cpu_ms", "max_rss_kb"] {
      #expect(object.keys.contains(key), "missing \(key)")
    }
    let limits = try #require(object["limits"] as? [String: Any])
    for key in ["wall_ms", "cpu_ms", "memory_mb", "output_kb", "processes"] {
      #expect(limits[key] is Int, "limits.\(key)")
    }
    #expect(outcome.stdout.filter { $0 == UInt8(ascii: "\n") }.count == 1)
  }

  @Test func readsTheProgramFromStandardInput() throws {
    let outcome = try Binary.run(["run", "-"], stdin: Data("print(6 * 7)\n".utf8))
    #expect(outcome.status == 0)
    #expect(outcome.text == "42\n")
  }

  @Test func feedsTheStdinFile() throws {
    let program = try TemporaryFile("import sys\nprint(sys.stdin.read().upper(), end='')\n")
    let input = try TemporaryFile("abc\n", name: "input.txt")
    let outcome = try Binary.run(["run", "--stdin", input.path, program.path])
    #expect(outcome.text == "ABC\n")
  }

  @Test func traceNamesEveryPhaseInOrder() throws {
    let file = try TemporaryFile("print('traced')\n")
    let outcome = try Binary.run(
      ["CODEREMOTE_TRACE=1", Binary.path, "run", file.path], executable: "/usr/bin/env")
    #expect(outcome.status == 0)
    #expect(outcome.text == "traced\n")
    let phases = outcome.stderr.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 2) }
    #expect(
      phases.allSatisfy { $0.count == 3 && $0[0] == "trace" && Double($0[1]) != nil }, "\(outcome.stderr)")
    let names = phases.map { String($0.last ?? "") }
    for phase in [
      "main", "arguments parsed", "spawned", "first output", "program ended", "cleaned up", "exit",
    ] {
      #expect(names.contains(phase), "\(names)")
    }
    let times = phases.compactMap { Double($0[1]) }
    #expect(times == times.sorted())
  }

  @Test func timeLimitExits124() throws {
    let file = try TemporaryFile("while True:\n    pass\n")
    let start = Date()
    let outcome = try Binary.run(["run", "--timeout", "1", "--json", file.path])
    #expect(outcome.status == 124)
    #expect(Date().timeIntervalSince(start) < 5)
    let object = try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any]
    #expect(object?["status"] as? String == "timeout")
  }

  @Test func usageErrorsExit2() throws {
    #expect(try Binary.run(["run"]).status == 2)
    #expect(try Binary.run(["run", "--timeout", "0", "x.py"]).status == 2)
    #expect(try Binary.run(["run", "--no-such-flag", "x.py"]).status == 2)
    let missing = try Binary.run(["run", "/nonexistent/prog.py"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no such file: /nonexistent/prog.py"))
  }

  @Test func sourceThatIsNotUTF8CannotBeRun() throws {
    let outcome = try Binary.run(["run", "-"], stdin: Data([0x70, 0xFF, 0x0A]))
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("not valid UTF-8"))
  }

  @Test func outputThatIsNotUTF8IsCarriedLosslessly() throws {
    let file = try TemporaryFile("import sys\nsys.stdout.buffer.write(bytes([0x61, 0xff, 0x62]))\n")
    let outcome = try Binary.run(["run", "--json", file.path])
    let object = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    let encoded = try #require(object["stdout_b64"] as? String)
    #expect(Data(base64Encoded: encoded) == Data([0x61, 0xFF, 0x62]))
  }

  @Test func pipedOutputPassesBytesUnchanged() throws {
    let file = try TemporaryFile("print('\\x1b[31mred\\x1b[0m')\n")
    let outcome = try Binary.run(["run", file.path])
    #expect(outcome.text == "\u{1B}[31mred\u{1B}[0m\n")
  }

  @Test func versionAndHelp() throws {
    let version = try Binary.run(["--version"])
    #expect(version.status == 0)
    #expect(version.text.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    let help = try Binary.run(["--help"])
    #expect(help.status == 0)
    for command in ["run", "doctor", "edit"] { #expect(help.text.contains(command)) }
  }

  @Test func editorRefusesWithoutATerminal() throws {
    let outcome = try Binary.run([])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("needs a terminal"))
  }

  @Test func doctorReportsPythonAndIsolation() throws {
    let outcome = try Binary.run(["doctor"])
    #expect(outcome.status == 0)
    #expect(outcome.text.contains("python"))
    #expect(outcome.text.contains("Local runs get isolation:"))
  }
}

/// Escape sequences a program prints reach a terminal inert.
@Suite struct RunInTerminalTests {
  @Test func escapeSequencesAreNeutralisedOnATerminal() throws {
    let file = try TemporaryFile("print('\\x1b[2J\\x1b]0;owned\\x07visible')\n")
    let tmux = try TmuxSession()
    try tmux.type("\(Binary.path) run \(file.path); echo rc=$?")
    try tmux.press("Enter")
    let screen = try tmux.waitFor { $0.contains("rc=0") }
    #expect(screen.contains("␛[2J␛]0;owned^Gvisible"), "screen:\n\(screen)")
  }
}
