import Foundation
import Testing

@testable import Analysis

/// The analyser is one Python program written in parts (`StaticAnalysisScript+*.swift`): joined,
/// the parts must make a program Python compiles, whose parts each end their last line.
@Suite struct StaticAnalysisScriptTests {
  @Test func theJoinedPartsCompile() throws {
    // A file of its own per run, so two runs of the suite at once never share one.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coderemote-analysis-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("static_analysis.py").path
    try StaticAnalysisScript.source.write(toFile: file, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    // The byte code goes to __pycache__ in the same directory, which goes with it.
    process.arguments = ["-I", "-m", "py_compile", file]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(message)")
  }

  @Test func everyPartEndsItsLastLine() {
    for (index, part) in StaticAnalysisScript.parts.enumerated() {
      #expect(part.hasSuffix("\n"), "part \(index) does not end with a newline")
      #expect(!part.hasPrefix(" "), "part \(index) starts indented")
    }
  }
}
