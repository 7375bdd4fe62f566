import Execution
import Foundation
import Remote
import Testing

/// TLS verification is always on: a server with a self-signed certificate is refused with a clear
/// message, and `--ca-file` (the certificate as the CA to trust) lets the handshake through.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct RemoteTLSTests {
  /// `openssl s_server` on a loopback port with a fresh self-signed certificate for 127.0.0.1.
  final class TLSServer {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coderemote-tls-\(UUID().uuidString)")
    let process = Process()
    let certificate: String
    let port: Int

    init() throws {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      certificate = directory.appendingPathComponent("cert.pem").path
      let key = directory.appendingPathComponent("key.pem").path
      let made = try Binary.run(
        [
          "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
          "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ], executable: "/usr/bin/openssl")
      guard made.status == 0 else { throw TLSError.openssl(made.stderr) }
      port = try freePort()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
      process.arguments = [
        "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-rev",
      ]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      try process.run()
      // s_server says ACCEPT once it listens.
      var seen = Data()
      while !String(decoding: seen, as: UTF8.self).contains("ACCEPT") {
        let chunk = output.fileHandleForReading.availableData
        guard !chunk.isEmpty else {
          throw TLSError.openssl("s_server ended: " + String(decoding: seen, as: UTF8.self))
        }
        seen += chunk
      }
    }

    deinit {
      // SIGKILL: Foundation's Process leaves the test thread's blocked signals blocked in the child.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      try? FileManager.default.removeItem(at: directory)
    }

    enum TLSError: Error { case openssl(String) }
  }

  func failure(_ backend: RemoteBackend) async -> ExecutionError? {
    do {
      for try await _ in backend.run(ExecutionRequest(code: "print(1)")).events {}
      return nil
    } catch {
      return error as? ExecutionError
    }
  }

  @Test func aSelfSignedCertificateIsRefusedUnlessItsCAIsGiven() async throws {
    let server = try TLSServer()
    let url = "https://127.0.0.1:\(server.port)"
    let refused = await failure(try RemoteBackend(url: url, token: "cr_x"))
    #expect(refused?.code == .tlsFailure, "\(String(describing: refused))")
    #expect(refused?.message.contains("certificate") == true)
    #expect(refused?.message.contains("--ca-file") == true)

    // With the CA the handshake passes: s_server (-rev echoes each line reversed) is no HTTP server,
    // so the run still fails, but on what came through the encrypted connection.
    let trusted = await failure(try RemoteBackend(url: url, token: "cr_x", caFile: server.certificate))
    #expect(trusted?.code == .backendFailure, "\(String(describing: trusted))")
    #expect(trusted?.message.contains("HTTP/0.9") == true)

    // The CLI says the same, with exit code 1.
    let outcome = try await offPool {
      try Binary.run(["run", "--remote", url, "-"], stdin: Data("print(1)".utf8))
    }
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("TLS with 127.0.0.1:\(server.port) failed"), "\(outcome.stderr)")
  }
}
