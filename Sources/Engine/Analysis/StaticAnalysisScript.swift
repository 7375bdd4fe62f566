/// The static analyser, in Python, run in the sandbox: it parses the program with Python's own `ast`
/// (every syntax of the interpreter, exactly) and never executes it. It reads the program on stdin
/// and writes one JSON object (`StaticReport`). Costs are sums of terms n^a·log^b·2^n·n! per size
/// symbol; how loops, recursion and builtins are costed is in docs/analysis.md.
///
/// One program, written in parts by concern (`StaticAnalysisScript+*.swift`), joined here in the
/// order Python needs: the Analyzer's parts are classes it inherits from, so they come before it.
enum StaticAnalysisScript {
  static let parts = [costs, names, loopBounds, builtinCosts, space, recursion, analyzer, driver]

  static let source = parts.joined(separator: "\n\n")
}
