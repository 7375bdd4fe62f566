import Execution
import Foundation
import Glibc
import Testing

@testable import Remote

/// A cancelled analysis task stops its transfer: the task ends at once with `CancellationError`,
/// and the connection is closed, against a server that never answers (so nothing but the
/// cancellation can end either).
@Suite("Remote analysis cancellation", .timeLimit(.minutes(1)))
struct AnalyzerCancellationTests {
  @Test("cancelling the task ends it and closes its connection")
  func cancellingStopsTheTransfer() async throws {
    let server = try SilentServer()
    defer { server.close() }
    let analyzer = RemoteAnalyzer(try RemoteBackend(url: "http://127.0.0.1:\(server.port)", token: nil))
    let task = Task { try await analyzer.analyze("print(1)", empirical: true) }
    let connection = try await server.acceptRequest()
    defer { Glibc.close(connection) }
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    // The client hung up: reading the connection comes to its end rather than waiting forever.
    #expect(await SilentServer.readsToEnd(connection))
  }

  @Test("a task cancelled before its request is sent sends nothing")
  func cancelledBeforeTheStart() async throws {
    let server = try SilentServer()
    defer { server.close() }
    let analyzer = RemoteAnalyzer(try RemoteBackend(url: "http://127.0.0.1:\(server.port)", token: nil))
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await analyzer.analyze("print(1)", empirical: true)
    }
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(!server.hasPendingConnection)
  }
}

/// A loopback listener that takes connections and never answers them.
final class SilentServer: Sendable {
  let socket: Int32
  let port: Int

  init() throws {
    (socket, port) = try LoopbackSocket.listening()
  }

  func close() { Glibc.close(socket) }

  /// Whether a client has connected and not been accepted.
  var hasPendingConnection: Bool {
    var wait = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    return poll(&wait, 1, 0) == 1
  }

  /// The next connection, once its request's headers have come in whole.
  func acceptRequest() async throws -> Int32 {
    let socket = socket
    return try await Self.offPool {
      let connection = accept(socket, nil, nil)
      guard connection >= 0 else { throw POSIXError(.ECONNABORTED) }
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4_096)
      while !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
        let n = read(connection, &buffer, buffer.count)
        guard n > 0 else {
          Glibc.close(connection)
          throw POSIXError(.ECONNRESET)
        }
        received += buffer[0..<n]
      }
      return connection
    }
  }

  /// Reads `connection` until the client closes it: true at its end (or a reset), never false
  /// unless reading fails otherwise.
  static func readsToEnd(_ connection: Int32) async -> Bool {
    (try? await offPool {
      var buffer = [UInt8](repeating: 0, count: 4_096)
      while true {
        let n = read(connection, &buffer, buffer.count)
        if n == 0 || (n < 0 && errno == ECONNRESET) { return true }
        if n < 0 && errno != EINTR { return false }
      }
    }) ?? false
  }

  /// Blocking work on a thread of its own, off Swift's cooperative pool.
  private static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try body() }) }.start()
    }
  }
}
