import CSandbox
import Execution
import Glibc
import Processes
import Settings

/// The sandbox's seccomp filter as raw BPF, compiled once by libseccomp in the parent (never between
/// fork and exec). The spawner installs it itself, or bubblewrap does from a memfd (`--seccomp FD`)
/// once its namespaces are set up — installing it before bwrap would forbid bwrap's own `unshare`.
struct SeccompProgram: Sendable {
  let instructions: [UInt64]

  static let shared: SeccompProgram? = {
    var buffer: UnsafeMutableRawPointer?
    var byteCount = 0
    guard cs_seccomp_program(&buffer, &byteCount) == 0, let buffer else { return nil }
    defer { free(buffer) }
    let count = byteCount / MemoryLayout<UInt64>.size
    let instructions = Array(
      UnsafeBufferPointer(start: buffer.bindMemory(to: UInt64.self, capacity: count), count: count))
    return SeccompProgram(instructions: instructions)
  }()

  /// A fresh memfd holding the program, for bubblewrap to read; the caller closes it.
  func memoryFile() -> Int32? {
    let fd = instructions.withUnsafeBytes { cs_memfd_with("coderemote-seccomp", $0.baseAddress, $0.count) }
    return fd >= 0 ? fd : nil
  }
}
