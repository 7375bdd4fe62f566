import Foundation
import Glibc

/// A secret in a world-readable file on the host, which no program in the sandbox may read.
final class Canary {
  let directory: String
  let filePath: String
  let secret = "canary-" + UUID().uuidString

  init() throws {
    directory = NSTemporaryDirectory() + "coderemote-canary-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = chmod(directory, 0o755)
    filePath = directory + "/secret.txt"
    try secret.write(toFile: filePath, atomically: true, encoding: .utf8)
    _ = chmod(filePath, 0o644)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }
}
