import ArgumentParser
import Engine
import Foundation

struct Doctor: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what isolation, Python, terminal and libraries this machine gives Code Remote.")

  @Flag(help: "Print the report as one JSON object.")
  var json = false

  func run() async throws {
    let report = SystemReport.gather()
    if json {
      print(report.jsonString())
    } else {
      print(report.text)
    }
  }
}
