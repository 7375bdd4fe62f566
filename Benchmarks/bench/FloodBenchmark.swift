import Execution
import Glibc
import Processes
import Sandbox
import Settings
import TUI

/// BRIEF §5: during 100 MB of program output the editor stays responsive (< 50 ms a key) and its
/// resident memory bounded (< 150 MB). The real sandbox runs a program printing 1M lines of 100
/// bytes while this thread plays the app loop — apply what arrived, draw an 80×24 frame — and
/// presses a key every 20 ms. A key's latency runs from when it was pressed to the frame that shows
/// it, so time spent applying a backlog counts. The reference is bare python3 writing the same
/// flood to /dev/null, timed in the same run.
func runFloodBenchmark() {
  let flood = """
    import sys
    block = ("x" * 99 + "\\n") * 1000
    for _ in range(1000):
        sys.stdout.write(block)
    """
  var configuration = (try? Configuration.load().sandbox) ?? .default
  // A loaded machine must not turn the flood into a timeout.
  configuration.limits.wallMilliseconds = 120_000
  configuration.limits.cpuMilliseconds = 120_000
  let backend = LocalBackend(configuration: configuration)
  defer { backend.close() }
  let app = App(backend: backend, text: flood, limits: configuration.limits)
  let baseline = residentKilobytes()

  let started = clock.now
  app.handle(.key(.function(5)))
  app.handle(.key(.function(6)))  // keys go to the output pane: scrolling while it streams
  var latencies: [Double] = []
  var peak = baseline
  var nextKey = clock.now + .milliseconds(20)
  var keys: [Key] = [.up, .up, .pageUp, .down, .end]
  while app.isRunning || app.hasBacklog {
    var descriptor = pollfd(fd: app.inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)
    let wait = app.hasBacklog ? 0 : max(0, Int32((nextKey - clock.now).milliseconds.rounded(.up)))
    _ = poll(&descriptor, 1, wait)
    app.drainInbox()
    if clock.now >= nextKey {
      let key = keys.removeFirst()
      keys.append(key)
      app.handle(.key(key))
      _ = app.render(width: 80, height: 24)
      latencies.append((clock.now - nextKey).milliseconds)
      nextKey = nextKey + .milliseconds(20)
      if nextKey < clock.now { nextKey = clock.now + .milliseconds(1) }
    } else {
      _ = app.render(width: 80, height: 24)
    }
    peak = max(peak, residentKilobytes())
  }
  let elapsed = (clock.now - started).milliseconds
  let summary = app.runState.summary(now: clock.now)

  let file = "/tmp/coderemote-bench-flood-\(getpid()).py"
  let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  _ = flood.withCString { write(fd, $0, strlen($0)) }
  close(fd)
  defer { unlink(file) }
  let bare = measure(1) {
    _ = HelperProcess.run(
      "/bin/sh", ["-c", "exec /usr/bin/python3 -I \(file) >/dev/null"], timeoutMilliseconds: 120_000)
  }[0]

  latencies.sort()
  func ms(_ value: Double) -> String { String(Int(value.rounded())) + " ms" }
  print(
    "100 MB output flood in the editor: \(ms(elapsed)) (\(summary)) | bare python3 > /dev/null: \(ms(bare))")
  print(
    "  key latency during it: p50 \(ms(percentile(latencies, 0.5))), p99 \(ms(percentile(latencies, 0.99))),"
      + " max \(ms(latencies.last ?? 0)) over \(latencies.count) keys | budget p99 < 50 ms")
  print(
    "  resident memory: peak \(peak / 1_024) MB (\(baseline / 1_024) MB before the run) | budget < 150 MB")
}

/// This process's resident set, from /proc/self/status.
func residentKilobytes() -> Int {
  guard let status = readSmallFile("/proc/self/status") else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
  }
  return 0
}
