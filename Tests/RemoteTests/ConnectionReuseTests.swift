import Execution
import Foundation
import Glibc
import Synchronization
import Testing

@testable import Remote

/// Requests to one server share connections (`CurlHandles`), except those that must not be sent
/// twice, which always get a fresh one: counted by a loopback HTTP/1.1 server that keeps every
/// connection open and answers each request with `{}`.
@Suite("Remote connection reuse", .timeLimit(.minutes(1)))
struct ConnectionReuseTests {
  @Test("requests one after another reuse one connection")
  func sequentialRequestsShareAConnection() throws {
    let server = try KeepAliveServer()
    defer { server.close() }
    let client = try RemoteBackend(url: "http://127.0.0.1:\(server.port)", token: nil).client
    for _ in 0..<3 { _ = try client.exchange(.get, "/healthz", idempotent: true) }
    #expect(server.requests == 3)
    #expect(server.connections == 1)
  }

  @Test("a request that must not be repeated gets a connection of its own; the next reuses it")
  func aSubmissionConnectsAfresh() throws {
    let server = try KeepAliveServer()
    defer { server.close() }
    let client = try RemoteBackend(url: "http://127.0.0.1:\(server.port)", token: nil).client
    _ = try client.exchange(.get, "/healthz", idempotent: true)
    _ = try client.exchange(.post, "/v1/executions", body: Array("{}".utf8), idempotent: false)
    #expect(server.connections == 2)
    // As a run's event stream follows its submission on the submission's connection.
    _ = try client.exchange(.get, "/v1/executions/x/events", idempotent: true)
    #expect(server.requests == 3)
    #expect(server.connections == 2)
  }
}

/// A loopback HTTP/1.1 server that answers every request `200 {}` and keeps its connections open,
/// counting them and the requests; each connection is served on a thread of its own.
final class KeepAliveServer: Sendable {
  let port: Int
  private let socket: Int32
  private let counts = Mutex((connections: 0, requests: 0))

  init() throws {
    (socket, port) = try LoopbackSocket.listening()
    Thread { [self] in acceptConnections() }.start()
  }

  var connections: Int { counts.withLock { $0.connections } }
  var requests: Int { counts.withLock { $0.requests } }

  /// Stops accepting; the connections' threads end as their clients close them.
  func close() { shutdown(socket, Int32(SHUT_RDWR)) }

  private func acceptConnections() {
    while true {
      let connection = accept(socket, nil, nil)
      guard connection >= 0 else { break }
      counts.withLock { $0.connections += 1 }
      Thread { [self] in serve(connection) }.start()
    }
    Glibc.close(socket)
  }

  /// Answers each request on `connection` (headers, then the Content-Length body) until it closes.
  private func serve(_ connection: Int32) {
    defer { Glibc.close(connection) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4_096)
    while true {
      while let end = Self.requestEnd(in: received) {
        received.removeFirst(end)
        counts.withLock { $0.requests += 1 }
        let answer = Array(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".utf8)
        guard write(connection, answer, answer.count) == answer.count else { return }
      }
      let n = read(connection, &buffer, buffer.count)
      guard n > 0 else { return }
      received += buffer[0..<n]
    }
  }

  /// Where the first whole request in `bytes` ends, if one has come in whole.
  private static func requestEnd(in bytes: [UInt8]) -> Int? {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let headersEnd = text.range(of: "\r\n\r\n") else { return nil }
    let headers = text[..<headersEnd.lowerBound].lowercased()
    let length =
      headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
      .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    let end = text.utf8.distance(from: text.startIndex, to: headersEnd.upperBound) + length
    return bytes.count >= end ? end : nil
  }
}
