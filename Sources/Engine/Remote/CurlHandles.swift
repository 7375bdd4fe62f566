import CCurl
import Processes

/// libcurl easy handles kept between requests to one server. A handle keeps the connections its
/// transfers opened, so a request that takes a handle an earlier one gave back reuses its
/// connection (a run's event stream the one its submission opened, the editor's next run the last
/// one's) instead of connecting again. Each handle serves one transfer at a time: two at once (a
/// stream and a cancel) take two handles. Given back reset (options cleared, connections kept);
/// at most `idleLimit` wait, the rest are closed.
final class CurlHandles: Sendable {
  static let idleLimit = 4

  /// A `CURL *`, moved between threads only through the monitor.
  private struct Handle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
  }

  private let idle = Monitor<[Handle]>([])

  deinit {
    guard case .success(let library) = CurlLibrary.shared else { return }
    for handle in idle.update({ $0 }) { library.api.pointee.easy_cleanup(handle.pointer) }
  }

  /// A handle given back earlier, or a new one (nil if libcurl cannot make one).
  func take(_ api: UnsafePointer<curlx_api>) -> UnsafeMutableRawPointer? {
    idle.update { $0.popLast() }?.pointer ?? api.pointee.easy_init()
  }

  /// A handle done with its transfer: reset and kept for the next, or closed when enough wait.
  func give(_ pointer: UnsafeMutableRawPointer, _ api: UnsafePointer<curlx_api>) {
    api.pointee.easy_reset(pointer)
    let kept = idle.update { idle -> Bool in
      guard idle.count < Self.idleLimit else { return false }
      idle.append(Handle(pointer: pointer))
      return true
    }
    if !kept { api.pointee.easy_cleanup(pointer) }
  }
}
