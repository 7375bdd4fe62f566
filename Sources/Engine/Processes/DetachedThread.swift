import Glibc

/// Starts `body` on a detached POSIX thread of its own: for work that blocks in system calls
/// (poll, wait) and so must not hold a thread of Swift's cooperative pool. FoundationEssentials has
/// no `Thread`, and the whole of Foundation costs every run milliseconds of start-up.
public enum DetachedThread {
  public static func start(_ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Body(body)).toOpaque()
    var thread = pthread_t()
    let error = pthread_create(
      &thread, nil,
      { argument in
        let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
        body.run()
        return nil
      }, box)
    // Without a thread the work still has to happen: run it here rather than lose it.
    guard error == 0 else {
      Unmanaged<Body>.fromOpaque(box).takeRetainedValue().run()
      return
    }
    pthread_detach(thread)
  }

  private final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}
