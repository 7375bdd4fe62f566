import Glibc

/// A TCP listener on 127.0.0.1 that remembers whether anyone connected.
final class LoopbackListener {
  let fd: Int32
  let port: UInt16

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
    self.fd = fd
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard fd >= 0, bound else { throw SandboxHarness.Failure(description: "cannot listen on 127.0.0.1") }
    port = UInt16(bigEndian: address.sin_port)
  }

  var wasConnected: Bool { accept(fd, nil, nil) >= 0 }

  deinit { close(fd) }
}
