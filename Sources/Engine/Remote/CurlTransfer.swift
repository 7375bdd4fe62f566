import CCurl
import Execution

/// Performs one HTTP request with libcurl's easy interface, on the calling thread (it blocks until
/// the answer is complete, the connection fails, or `shouldAbort` says to stop).
///
/// TLS peer and host verification are always on; `caFile` adds a CA bundle to trust (a server with
/// a certificate of its own making). A stream (`onStream`) gets a 200 answer's body as it arrives;
/// any other answer, and every answer of a plain request, is collected (up to `maximumBody`).
///
/// Connections are reused across requests (`handles`, shared by every copy of this transfer),
/// except where the request asks for a fresh one: libcurl sends a request again on its own when a
/// reused connection turns out dead, which must never happen to one that is not to be repeated.
struct CurlTransfer: Sendable {
  var caFile: String?
  /// A stream that sends nothing (not even the server's 15 s heartbeat) for this long is taken as
  /// dropped, so a server that vanished without closing the connection never hangs a run.
  var stallSeconds = 45
  var connectTimeoutSeconds = 10
  var maximumBody = 64 << 20
  let handles = CurlHandles()

  func perform(
    _ request: HTTPRequest, onStream: (([UInt8]) -> Void)? = nil,
    shouldAbort: @escaping () -> Bool = { false }
  ) -> Result<HTTPResponse, TransportFailure> {
    let library: CurlLibrary
    switch CurlLibrary.shared {
    case .success(let loaded): library = loaded
    case .failure(let error): return .failure(TransportFailure(kind: .other, message: error.message))
    }
    let api = library.api
    guard let handle = handles.take(api) else {
      return .failure(TransportFailure(kind: .other, message: "curl_easy_init failed"))
    }
    defer { handles.give(handle, api) }
    let context = TransferContext(onStream: onStream, shouldAbort: shouldAbort, maximumBody: maximumBody)
    let opaque = Unmanaged.passUnretained(context).toOpaque()
    var headerList: UnsafeMutablePointer<curl_slist>? = nil
    for header in request.headers + ["Expect:"] {  // no 100-continue round trip before a body
      headerList = api.pointee.slist_append(headerList, header)
    }
    defer { api.pointee.slist_free_all(headerList) }

    _ = curlx_setopt_string(api, handle, CURLOPT_URL, request.url)
    if request.freshConnection { _ = curlx_setopt_long(api, handle, CURLOPT_FRESH_CONNECT, 1) }
    _ = curlx_setopt_long(api, handle, CURLOPT_NOSIGNAL, 1)  // threads: no SIGALRM for timeouts
    _ = curlx_setopt_long(api, handle, CURLOPT_SSL_VERIFYPEER, 1)
    _ = curlx_setopt_long(api, handle, CURLOPT_SSL_VERIFYHOST, 2)
    if let caFile { _ = curlx_setopt_string(api, handle, CURLOPT_CAINFO, caFile) }
    _ = curlx_setopt_long(api, handle, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds)
    if let timeout = request.timeoutSeconds { _ = curlx_setopt_long(api, handle, CURLOPT_TIMEOUT, timeout) }
    _ = curlx_setopt_long(api, handle, CURLOPT_LOW_SPEED_LIMIT, 1)
    _ = curlx_setopt_long(api, handle, CURLOPT_LOW_SPEED_TIME, stallSeconds)
    _ = curlx_setopt_string(api, handle, CURLOPT_USERAGENT, "coderemote")
    _ = curlx_setopt_list(api, handle, CURLOPT_HTTPHEADER, headerList)
    _ = curlx_setopt_pointer(api, handle, CURLOPT_ERRORBUFFER, context.errorBuffer)
    _ = curlx_setopt_write_function(api, handle, CURLOPT_WRITEFUNCTION, TransferContext.write)
    _ = curlx_setopt_pointer(api, handle, CURLOPT_WRITEDATA, opaque)
    _ = curlx_setopt_write_function(api, handle, CURLOPT_HEADERFUNCTION, TransferContext.header)
    _ = curlx_setopt_pointer(api, handle, CURLOPT_HEADERDATA, opaque)
    _ = curlx_setopt_long(api, handle, CURLOPT_NOPROGRESS, 0)
    _ = curlx_setopt_xferinfo_function(api, handle, TransferContext.progress)
    _ = curlx_setopt_pointer(api, handle, CURLOPT_XFERINFODATA, opaque)
    if request.method == .post {
      let body = request.body ?? []
      _ = curlx_setopt_long(api, handle, CURLOPT_POST, 1)
      _ = curlx_setopt_long(api, handle, CURLOPT_POSTFIELDSIZE, body.count)
      // COPYPOSTFIELDS copies the bytes (POSTFIELDSIZE first, so NULs are kept).
      var bytes = body + [0]
      _ = bytes.withUnsafeMutableBytes {
        curlx_setopt_pointer(api, handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
      }
    }

    let code = withExtendedLifetime(context) { api.pointee.easy_perform(handle) }
    guard code == CURLE_OK else {
      let number = Int(code.rawValue)
      let kind = context.aborted ? .aborted : TransportFailure.kind(curlCode: number)
      let detail = String(cString: context.errorBuffer)
      let message =
        detail.isEmpty
        ? api.pointee.easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(number)" : detail
      return .failure(TransportFailure(kind: kind, message: message))
    }
    var status = 0
    _ = curlx_getinfo_long(api, handle, CURLINFO_RESPONSE_CODE, &status)
    return .success(HTTPResponse(status: status, headers: context.headers, body: context.body))
  }
}

/// What libcurl's callbacks write into during one transfer; they reach it through the user-data
/// pointer, which stays valid for the whole of `easy_perform`.
private final class TransferContext {
  let onStream: (([UInt8]) -> Void)?
  let shouldAbort: () -> Bool
  let maximumBody: Int
  var status = 0
  var headers: [String: String] = [:]
  var body: [UInt8] = []
  var aborted = false
  let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))

  init(onStream: (([UInt8]) -> Void)?, shouldAbort: @escaping () -> Bool, maximumBody: Int) {
    self.onStream = onStream
    self.shouldAbort = shouldAbort
    self.maximumBody = maximumBody
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
  }

  deinit { errorBuffer.deallocate() }

  static func from(_ pointer: UnsafeMutableRawPointer?) -> TransferContext {
    Unmanaged<TransferContext>.fromOpaque(pointer!).takeUnretainedValue()
  }

  static let write: curl_write_callback = { data, size, count, user in
    let context = TransferContext.from(user)
    let length = size * count
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: length))
    if context.status == 200, let onStream = context.onStream {
      onStream(bytes)
    } else {
      guard context.body.count + length <= context.maximumBody else {
        context.aborted = true
        return 0
      }
      context.body += bytes
    }
    if context.shouldAbort() {
      context.aborted = true
      return 0
    }
    return length
  }

  /// One header line; a status line (`HTTP/1.1 200 OK`) starts a new answer's headers.
  static let header: curl_write_callback = { data, size, count, user in
    let context = TransferContext.from(user)
    let length = size * count
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
      .trimmingCharacters(in: "\r\n")
    if line.hasPrefix("HTTP/") {
      context.headers = [:]
      context.status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    } else if let colon = line.firstIndex(of: ":") {
      let name = line[..<colon].lowercased()
      context.headers[name] = String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t")
    }
    return length
  }

  /// Called about once a second even when nothing moves: a given-up run stops within a second.
  static let progress: curl_xferinfo_callback = { user, _, _, _, _ in
    let context = TransferContext.from(user)
    guard context.shouldAbort() else { return 0 }
    context.aborted = true
    return 1
  }
}
