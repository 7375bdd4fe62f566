// Editor benchmarks (issue 3): edits in a 100k-line buffer, re-highlighting after a one-line edit,
// and loading 10 MB — each beside a reference measured in the same run.
import Editor
import Foundation
import TUI

func runEditorBenchmarks() {
  print("\n== editor core")
  benchmarkEdits()
  benchmarkLineLookups()
  benchmarkRehighlight()
  benchmarkPaneDrawing()
  benchmarkLoading()
}

/// The editor pane's share of a frame: 60 highlighted lines with a selection, against putting the
/// same lines into the grid as plain text.
private func benchmarkPaneDrawing() {
  let lines = pythonLines(100_000)
  var pane = EditorPane(state: EditorState(text: lines.joined(separator: "\n")), fileName: "big.py")
  _ = pane.handle(.key(.ctrl("g")))
  for key in "50000" { _ = pane.handle(.key(.character(key))) }
  _ = pane.handle(.key(.enter))
  _ = pane.handle(.key(.modified(.down, .shift)))
  let rect = Rect(x: 0, y: 0, width: 110, height: 60)
  pane.scrollToCursor(textWidth: rect.width - pane.gutterWidth(), height: rect.height)
  let ours = measure(300) {
    var grid = Grid(width: 110, height: 60)
    pane.render(in: rect, into: &grid)
  }
  let reference = measure(300) {
    var grid = Grid(width: 110, height: 60)
    for row in 0..<60 { grid.put(lines[50_000 + row], x: 8, y: row, style: .plain) }
  }
  report(
    "editor pane draw 110x60 (highlighted)", ours: ours, reference: reference,
    referenceName: "plain text into the grid", budget: "part of a 2 ms frame")
}

/// A deterministic generator, so every run edits the same places.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// About 40 bytes a line, ASCII, so any byte offset is a character boundary.
private func pythonLines(_ count: Int) -> [String] {
  (0..<count).map { "    total_\($0 % 977) += weight(\($0), 'k')  # c" }
}

/// Random inserts (a quarter with a newline) and one-byte deletes at random offsets, through the
/// editor's commands (so history and highlighting bookkeeping are included), against the same
/// edits on a naive array of lines that must find the line by walking it.
private func benchmarkEdits() {
  let lines = pythonLines(100_000)
  var state = EditorState(text: lines.joined(separator: "\n"))
  var naive = lines
  var random = SplitMix(state: 42)
  let operations = (0..<4_000).map { _ in
    (UInt64.random(in: 0...UInt64.max, using: &random), Bool.random(using: &random))
  }
  var i = 0
  let ours = measure(operations.count) {
    let (value, insert) = operations[i]
    i += 1
    let offset = Int(value % UInt64(state.storage.byteCount))
    if insert {
      state.select(.cursor(offset))
      state.apply(.insert(value % 4 == 0 ? "x\n" : "x"))
    } else {
      state.select(Selection(anchor: offset, head: offset + 1))
      state.apply(.deleteForward)
    }
  }
  var size = naive.reduce(0) { $0 + $1.utf8.count + 1 } - 1
  i = 0
  let reference = measure(operations.count) {
    let (value, insert) = operations[i]
    i += 1
    var offset = Int(value % UInt64(size))
    var line = 0
    while offset > naive[line].utf8.count {
      offset -= naive[line].utf8.count + 1
      line += 1
    }
    var text = Array(naive[line].utf8)
    if insert {
      text.insert(UInt8(ascii: "x"), at: offset)
      naive[line] = String(decoding: text, as: UTF8.self)
      size += 1
      if value % 4 == 0 {
        naive.insert(String(decoding: text[(offset + 1)...], as: UTF8.self), at: line + 1)
        naive[line] = String(decoding: text[...offset], as: UTF8.self)
        size += 1
      }
    } else if offset < text.count {
      text.remove(at: offset)
      naive[line] = String(decoding: text, as: UTF8.self)
      size -= 1
    } else if line + 1 < naive.count {
      naive[line] += naive.remove(at: line + 1)
      size -= 1
    }
  }
  report(
    "insert/delete anywhere, 100k lines (\(state.storage.byteCount / 1_000_000) MB)", ours: ours,
    reference: reference, referenceName: "naive line array", budget: "p99 < 1 ms")
}

/// Offset → line and line → offset, against prefix sums recomputed by walking a line array.
private func benchmarkLineLookups() {
  let lines = pythonLines(100_000)
  let storage = TextStorage(lines.joined(separator: "\n"))
  var random = SplitMix(state: 7)
  let targets = (0..<2_000).map { _ in Int.random(in: 0..<storage.byteCount, using: &random) }
  var i = 0
  var sink = 0
  let ours = measure(targets.count) {
    let line = storage.line(containing: targets[i])
    sink &+= storage.lineStart(line)
    i += 1
  }
  i = 0
  let reference = measure(targets.count) {
    var offset = targets[i]
    var line = 0
    while offset > lines[line].utf8.count {
      offset -= lines[line].utf8.count + 1
      line += 1
    }
    sink &+= line
    i += 1
  }
  report(
    "offset->line->offset, 100k lines", ours: ours, reference: reference,
    referenceName: "walk the line array", budget: "logarithmic")
  if sink == 42 { print("") }
}

/// A one-line edit in a 10k-line file, then what a frame needs: states caught up to the screen
/// and a screenful of tokens. The reference lexes the whole file again.
private func benchmarkRehighlight() {
  let program = (0..<10_000).map { index in
    index % 50 == 0 ? "def f_\(index)(x: int) -> str:  # \(index)" : "    y = f\"{x!r:>8}\" + '''a''' * 0x_ff"
  }
  var state = EditorState(text: program.joined(separator: "\n"))
  state.prepareHighlighting(through: state.lineCount)
  var random = SplitMix(state: 3)
  let lines = (0..<300).map { _ in Int.random(in: 100..<9_900, using: &random) }
  var i = 0
  var tokens = 0
  let ours = measure(lines.count) {
    let line = lines[i]
    i += 1
    state.select(.cursor(state.storage.lineStart(line) + 4))
    state.apply(.insert("z"))
    state.prepareHighlighting(through: line + 60)
    for visible in line..<(line + 60) { tokens += state.highlightSpans(line: visible).count }
  }
  let text = state.storage
  let reference = measure(20) {
    var lexState = LexState.normal
    for line in 0..<text.lineCount {
      let result = PythonLexer.lex(text.bytes(in: text.lineRange(line)), from: lexState)
      lexState = result.end
      tokens += result.spans.count
    }
  }
  report(
    "one-line edit + highlight a screen, 10k lines", ours: ours, reference: reference,
    referenceName: "re-lex whole file", budget: "p99 < 1 ms")

  // Opening a 100k-line file and jumping to its end: the first screen there.
  let big = EditorState(text: (0..<10).map { _ in program.joined(separator: "\n") }.joined(separator: "\n"))
  let jumps = measure(5) {
    var fresh = big
    fresh.prepareHighlighting(through: fresh.lineCount)
    for visible in (fresh.lineCount - 60)..<fresh.lineCount {
      tokens += fresh.highlightSpans(line: visible).count
    }
  }
  report(
    "open 100k lines + highlight the last screen", ours: jumps, reference: reference,
    referenceName: "re-lex 10k lines", budget: "keystroke p99 < 1 ms")
}

/// Loading 10 MB: read, validate UTF-8, index, highlight the first screen — against `vim -u NONE`
/// reading the same file in batch mode (a whole process, so its start-up is also shown), and the
/// memory the loaded text costs.
private func benchmarkLoading() {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "coderemote-bench-\(getpid())")
  try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let file = directory.appendingPathComponent("big.py")
  var text = ""
  var index = 0
  while text.utf8.count < 10_000_000 {
    text += "def handler_\(index)(request):  # 日本語 comment\n    return {'id': \(index), 'ok': True}\n"
    index += 1
  }
  _ = FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8))
  text = ""

  // Memory first, before timing runs leave freed blocks in the heap.
  let baseline = residentBytes()
  var kept = EditorState()
  if let data = FileManager.default.contents(atPath: file.path),
    let storage = try? TextStorage(validating: data)
  {
    kept = EditorState(storage: storage)
  }
  let megabytes = Double(residentBytes() - baseline) / 1_000_000

  var lines = 0
  let ours = measure(7) {
    guard let data = FileManager.default.contents(atPath: file.path),
      let storage = try? TextStorage(validating: data)
    else { return }
    var state = EditorState(storage: storage)
    state.prepareHighlighting(through: 60)
    lines += state.lineCount
  }
  let vim = ["/usr/bin/vim", "/usr/bin/vim.basic"].first { FileManager.default.isExecutableFile(atPath: $0) }
  if let vim {
    let vimLoad = measure(7) { runQuietly(vim, ["-u", "NONE", "-N", "-n", "-es", "-c", "q!", file.path]) }
    let vimStart = measure(7) { runQuietly(vim, ["-u", "NONE", "-N", "-n", "-es", "-c", "q!"]) }
    report(
      "load 10 MB (read+validate+index+first screen)", ours: ours, reference: vimLoad,
      referenceName: "vim -u NONE (process; start-up alone p50 \(Int(percentile(vimStart, 0.5) * 1000)) µs)",
      budget: "no slower than vim")
  } else {
    report("load 10 MB", ours: ours, reference: ours, referenceName: "(vim not installed)", budget: "vim")
  }
  print(
    "memory for 10 MB loaded: \(String(format: "%.1f", megabytes)) MB resident"
      + " | budget 3 × 10 MB + 30 MB = 60 MB (\(kept.storage.byteCount / 1_000_000) MB text)")
}

private func runQuietly(_ path: String, _ arguments: [String]) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  do {
    try process.run()
    process.waitUntilExit()
  } catch {
    print("could not run \(path): \(error)")
  }
}

/// This process's resident set size, from /proc.
private func residentBytes() -> Int {
  guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let fields = statm.split(separator: " ")
  return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}
