import Foundation
import Hummingbird
import Testing

@testable import Server

/// The routes the server registers and the paths and methods of docs/openapi.yaml are the same set.
@Suite struct SpecAgreementTests {
  static let specPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml").path

  /// `METHOD /path` for every operation under `paths:`, `{name}` for a parameter.
  static func specOperations() throws -> Set<String> {
    let text = try String(contentsOfFile: specPath, encoding: .utf8)
    var operations = Set<String>()
    var inPaths = false
    var path: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "paths:" { inPaths = true; continue }
      if inPaths, let first = line.first, first != " " { break }
      guard inPaths else { continue }
      if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
        path = String(line.dropFirst(2).dropLast())
      } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
        let method = line.trimmingCharacters(in: .whitespaces).dropLast()
        if ["get", "post", "put", "delete", "patch"].contains(method) {
          operations.insert("\(method.uppercased()) \(path)")
        }
      }
    }
    return operations
  }

  @Test func routesAndSpecAgree() throws {
    let harness = try ServerHarness()
    let registered = Set(
      harness.server.router().routes.map { route in
        let path = route.path.description.split(separator: "/").map { part in
          part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }
        return "\(route.method) /" + path.joined(separator: "/")
      })
    let documented = try Self.specOperations()
    #expect(documented.count >= 10)
    #expect(registered.subtracting(documented).isEmpty, "registered but not in the spec")
    #expect(documented.subtracting(registered).isEmpty, "in the spec but not registered")
  }
}
