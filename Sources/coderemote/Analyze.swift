import Analysis
import Arguments
import Dispatch
import Execution
import FoundationEssentials
import Glibc
import Processes
import Remote
import Sandbox
import Settings

/// `coderemote analyze`: the complexity of a Python file, static and measured (BRIEF §3).
struct Analyze: Command {
  static let spec = CommandSpec(
    name: "analyze",
    abstract: "Estimate a Python file's time and space complexity (Big-O), with the reasons and hot lines.",
    discussion: """
      The static reading parses the code with Python's own ast in the sandbox and never runs it. \
      Unless --no-empirical, one function is then timed in the sandbox at doubling sizes: the one a \
      `# complexity: func(list)` comment names, else one whose arguments can be made from their \
      names or annotations. Exit codes: 0; 1 when the code could not be analysed (a syntax error); \
      2 for usage errors.
      """,
    positionals: [
      .init(
        "file", help: "The Python file to analyse, or - to read it from standard input.", completion: .file)
    ],
    options: [
      .flag("json", help: "Print exactly one JSON object: the analysis result."),
      .flag(
        "empirical", onByDefault: true,
        help: "Also time one function in the sandbox; --no-empirical gives only the static reading."),
      .value(
        "budget", "seconds", help: "Time budget for the timing runs (default 3; a server keeps its own)."),
    ] + RemoteOptions.specs)

  var file: String
  var json: Bool
  var empirical: Bool
  var budget: Double
  var remote: RemoteOptions

  init(_ parsed: ParsedCommand) throws(UsageError) {
    file = parsed.positional("file") ?? "-"
    json = parsed.flag("json")
    empirical = parsed.flag("empirical")
    budget = try parsed.number("budget", in: 0.1...60, unit: "seconds") ?? 3
    remote = try RemoteOptions(parsed)
  }

  func run() {
    let code = SourceFile.readOrExit(file)
    let whole: Configuration
    do {
      whole = try Configuration.load()
    } catch {
      CLIFailure.cannotRun(error.description).exit()
    }
    let configuration = whole.sandbox
    let analyzer: any CodeAnalyzing
    if remote.isRemote {
      do {
        analyzer = RemoteAnalyzer(
          try remote.backend(configuration: whole, environment: ProcessInfo.processInfo.environment))
      } catch {
        error.exit()
      }
    } else {
      analyzer = ComplexityAnalyzer(
        backend: LocalBackend(configuration: configuration), limits: configuration.limits,
        budgetSeconds: budget)
    }
    let outcome = Self.wait { [empirical] in try await analyzer.analyze(code, empirical: empirical) }
    let result: AnalysisResult
    switch outcome {
    case .success(let value): result = value
    case .failure(let error): CLIFailure.cannotRun(String(describing: error)).exit()
    }
    let text = json ? result.jsonString() + "\n" : AnalysisReport.text(result)
    LiveOutput.writeAll(Array(text.utf8), to: STDOUT_FILENO)
  }

  /// Runs `body` on the task runtime and blocks this thread until it ends: the CLI's main is
  /// synchronous (its start-up must not pay for the runtime), and only `analyze` needs it.
  static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    Task {
      do { box.value = .success(try await body()) } catch { box.value = .failure(error) }
      done.signal()
    }
    done.wait()
    return box.value!
  }

  /// Written by the task before it signals, read after the wait: the semaphore orders the two.
  private final class ResultBox<T>: @unchecked Sendable {
    var value: Result<T, any Error>?
  }
}
