// In-process benchmarks. Each prints our figure beside a reference measured in the same run,
// because these machines are shared and noisy: compare the two columns, not absolute numbers.
import Editor
import Execution
import Processes
import Sandbox
import Settings
import TUI

let clock = ContinuousClock()

/// Runs `body` `count` times and returns the sorted durations in milliseconds.
func measure(_ count: Int, _ body: () -> Void) -> [Double] {
  (0..<count).map { _ in
    let elapsed = clock.measure(body)
    let (seconds, attoseconds) = elapsed.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
  }.sorted()
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
  sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func report(_ name: String, ours: [Double], reference: [Double], referenceName: String, budget: String) {
  func f(_ v: Double) -> String { String(Int((v * 1000).rounded())) + " µs" }
  print(
    "\(name): p50 \(f(percentile(ours, 0.5))), p99 \(f(percentile(ours, 0.99)))"
      + " | \(referenceName): p50 \(f(percentile(reference, 0.5))), p99 \(f(percentile(reference, 0.99)))"
      + " | budget \(budget)")
}

/// `bench [flood|frame|editor|sandbox|analysis|store]…` runs only the named groups; no argument runs them
/// all.
let groups = Set(CommandLine.arguments.dropFirst())
func wanted(_ group: String) -> Bool { groups.isEmpty || groups.contains(group) }

// First, while this process holds nothing else: it measures its own resident memory.
if wanted("flood") { runFloodBenchmark() }

/// Never runs anything: frames (of the editor, of the browser) are drawn with no program going.
struct IdleBackend: ExecutionBackend, ExecutionControl {
  var name: String { "idle" }
  var isolation: String { "none" }
  func run(_ request: ExecutionRequest) -> ExecutionHandle {
    let (handle, continuation) = ExecutionHandle.make(control: self)
    continuation.finish()
    return handle
  }
  func send(stdin: [UInt8]) {}
  func closeStdin() {}
  func cancel() {}
}

// A full 200×60 frame of the whole UI with a 100k-line buffer, against filling the same grid with
// plain text (the least any renderer must do).
if wanted("frame") {
  let source = (0..<100_000).map { "    value_\($0) = compute(\($0), 'text 日本語') + 1  # comment" }
    .joined(separator: "\n")
  let app = App(backend: IdleBackend(), text: source)
  let frames = measure(300) { _ = app.render(width: 200, height: 60) }
  let line = String(repeating: "x", count: 200)
  let plain = measure(300) {
    var grid = Grid(width: 200, height: 60)
    for y in 0..<60 { grid.put(line, x: 0, y: y, style: .plain) }
  }
  report(
    "full frame 200x60", ours: frames, reference: plain, referenceName: "plain grid fill", budget: "< 2 ms")

  // The same with plain ASCII code, what most Python files are (the lines above all hold CJK).
  let asciiSource = (0..<100_000).map { "    value_\($0) = compute(\($0), 'text abc') + 1  # comment" }
    .joined(separator: "\n")
  let asciiApp = App(backend: IdleBackend(), text: asciiSource)
  let asciiFrames = measure(300) { _ = asciiApp.render(width: 200, height: 60) }
  report(
    "full frame 200x60, ASCII code", ours: asciiFrames, reference: plain, referenceName: "plain grid fill",
    budget: "< 2 ms")
  let asciiKeystrokes = measure(300) {
    asciiApp.handle(.key(.character("x")))
    _ = asciiApp.render(width: 200, height: 60)
  }
  report(
    "keystroke + frame, ASCII code", ours: asciiKeystrokes, reference: asciiFrames,
    referenceName: "frame alone", budget: "p99 < 1 ms")

  // A keystroke: one edit plus the frame it causes.
  let keystrokes = measure(300) {
    app.handle(.key(.character("x")))
    _ = app.render(width: 200, height: 60)
  }
  report(
    "keystroke + frame", ours: keystrokes, reference: frames, referenceName: "frame alone",
    budget: "p99 < 1 ms"
  )
}
if wanted("editor") { runEditorBenchmarks() }
if wanted("sandbox") { runSandboxBenchmarks() }
if wanted("analysis") { runAnalysisBenchmarks() }
if wanted("store") { runStoreBenchmarks() }
