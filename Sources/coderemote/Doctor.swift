import ArgumentParser
import Engine
import FoundationEssentials
import Glibc

struct Doctor: AsyncParsableCommand {
  // Named here, not derived from the type: deriving it reflects on the type at every start.
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Show what isolation, Python, terminal and libraries this machine gives Code Remote.",
    discussion: "Exits 1 when no program can be run here (no interpreter, or the sandbox self-test failed).")

  @Flag(help: "Print the report as one JSON object.")
  var json = false

  func run() async throws {
    let report = SystemReport.gather()
    if json {
      print(report.jsonString())
    } else {
      print(report.text)
    }
    if !report.canRun { Glibc.exit(1) }
  }
}
