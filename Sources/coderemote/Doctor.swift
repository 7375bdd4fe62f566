import Arguments
import FoundationEssentials
import Glibc

struct Doctor: Command {
  static let spec = CommandSpec(
    name: "doctor",
    abstract: "Show what isolation, Python, terminal and libraries this machine gives Code Remote.",
    discussion: "Exits 1 when no program can be run here (no interpreter, or the sandbox self-test failed).",
    options: [.flag("json", help: "Print the report as one JSON object.")])

  var json: Bool

  init(_ parsed: ParsedCommand) { json = parsed.flag("json") }

  func run() {
    let report = SystemReport.gather()
    if json {
      print(report.jsonString())
    } else {
      print(report.text)
    }
    if !report.canRun { Glibc.exit(1) }
  }
}
