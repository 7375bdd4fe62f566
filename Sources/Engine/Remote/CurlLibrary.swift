import CCurl
import Execution

/// libcurl, opened the first time a remote run needs it and never before: `coderemote run` without
/// `--remote` does not load it (Sources/CCurl/module.modulemap says why).
final class CurlLibrary: @unchecked Sendable {
  /// The functions looked up in libcurl.so.4 (the shim's `curlx_api`); filled once, read-only
  /// after. This file allocates and fills the struct, so it must be compiled against the shim's
  /// current layout: an incremental build that kept an object made before a field was added
  /// (`easy_reset`, for `CurlHandles`) read past the allocation and corrupted the heap.
  let api: UnsafePointer<curlx_api>

  private init(api: UnsafePointer<curlx_api>) { self.api = api }

  /// The one library, or why it cannot be had. A `static let` runs its initialiser once, safely
  /// across threads, which `curlx_open` (and curl_global_init in it) needs.
  static let shared: Result<CurlLibrary, ExecutionError> = {
    let api = UnsafeMutablePointer<curlx_api>.allocate(capacity: 1)
    api.initialize(to: curlx_api())
    var why = [CChar](repeating: 0, count: 256)
    guard curlx_open(api, &why, why.count) == 0 else {
      let reason = why.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      return .failure(
        ExecutionError(
          code: .backendFailure,
          message: "the remote client needs libcurl (libcurl4 in Debian and Ubuntu): \(reason)"))
    }
    return .success(CurlLibrary(api: UnsafePointer(api)))
  }()
}
