extension RetrySchedule.Outcome {
  /// What an attempt that did not succeed met, as the schedule reads it: the server's answer (its
  /// status and `Retry-After`), or how the transport failed.
  init(_ attempt: Result<HTTPResponse, TransportFailure>) {
    switch attempt {
    case .success(let response):
      self = .answered(status: response.status, retryAfterSeconds: response.retryAfterSeconds)
    case .failure(let failure):
      self = .failed(failure.kind)
    }
  }
}
