import Foundation
import Testing

/// `coderemote run` names the program in its tracebacks as the user gave it — a relative path
/// stays relative, standard input is `<stdin>` — with the source line under each frame.
@Suite(.serialized) struct RunTracebackTests {
  static let failing = "def total(xs):\n    return sum(xs) / len(xs)\n\nprint(total([]))\n"

  @Test func aRelativePathIsNamedAsGiven() async throws {
    let file = try TemporaryFile(Self.failing, name: "scripts/tally.py")
    let command = "cd '\(file.directory.path)' && exec '\(Binary.path)' run scripts/tally.py"
    let outcome = try await offPool { try Binary.run(["-c", command], executable: "/bin/sh") }
    #expect(outcome.status == 1)
    // Each frame names the file and shows its line (the carets under it vary with Python's version).
    let stderr = outcome.stderr
    #expect(stderr.hasPrefix("Traceback (most recent call last):\n"), "\(stderr)")
    #expect(
      stderr.contains("  File \"scripts/tally.py\", line 4, in <module>\n    print(total([]))\n"), "\(stderr)"
    )
    #expect(
      stderr.contains("  File \"scripts/tally.py\", line 2, in total\n    return sum(xs) / len(xs)\n"),
      "\(stderr)")
    #expect(stderr.hasSuffix("ZeroDivisionError: division by zero\n"), "\(stderr)")
  }

  @Test func standardInputIsNamedStdin() async throws {
    let outcome = try await offPool { try Binary.run(["run", "-"], stdin: Data(Self.failing.utf8)) }
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains("File \"<stdin>\", line 2, in total\n    return sum(xs) / len(xs)\n"),
      "\(outcome.stderr)")
  }
}
