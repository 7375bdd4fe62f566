import Arguments
import Execution
import FoundationEssentials
import Glibc
import Processes
import Remote
import Sandbox
import Settings
import TUI

struct Run: Command {
  static let spec = CommandSpec(
    name: "run",
    abstract: "Run a Python file in the sandbox and exit with its exit code.",
    discussion: """
      Exit codes: the program's own; 124 when a time limit killed it; 137 when it was killed for \
      another reason (memory, output, a signal); 2 for usage errors; 1 when it could not be run.
      """,
    positionals: [
      .init("file", help: "The Python file to run, or - to read it from standard input.", completion: .file)
    ],
    trailing: .init("args", help: "Arguments for the program (its sys.argv[1:]), options included."),
    options: [
      .value(
        "stdin", "file", completion: .file,
        help: "A file to feed to the program's standard input; - (the default) passes ours through."),
      .value(
        "with", "path", repeatable: true, completion: .file,
        help: "A file, or a directory (read-only), the program sees beside it under its own name."),
      .value("timeout", "seconds", help: "Wall-clock limit in seconds."),
      .value("cpu", "seconds", help: "CPU-time limit in seconds."),
      .value("memory", "mb", help: "Memory limit in MB."),
      .value("output-kb", "kb", help: "Output limit of each stream in KB."),
      .flag("json", help: "Print exactly one JSON object: the execution result."),
    ] + RemoteOptions.specs)

  var file: String
  var arguments: [String]
  var sharedPaths: [String]
  var stdinFile: String?
  var timeout: Double?
  var cpu: Double?
  var memory: Int?
  var outputKilobytes: Int?
  var json: Bool
  var remote: RemoteOptions

  init(_ parsed: ParsedCommand) throws(UsageError) {
    file = parsed.positional("file") ?? "-"
    arguments = parsed.trailing
    sharedPaths = parsed.values("with")
    stdinFile = parsed.value("stdin")
    timeout = try parsed.number("timeout", in: 0.001...3_600, unit: "seconds")
    cpu = try parsed.number("cpu", in: 0.001...3_600, unit: "seconds")
    memory = try parsed.integer("memory", in: 16...65_536, unit: "MB")
    outputKilobytes = try parsed.integer("output-kb", in: 1...1_048_576, unit: "KB")
    if file == "-" && stdinFile == "-" {
      throw parsed.failure("the program and --stdin cannot both come from standard input")
    }
    json = parsed.flag("json")
    remote = try RemoteOptions(parsed)
  }

  func run() {
    let code = SourceFile.readOrExit(file)
    var input: [UInt8] = []
    // Standard input passes through as it comes (a terminal's lines, a pipe's bytes) unless it
    // holds the program or a file is given instead.
    let passesStdinThrough = stdinFile == "-" || (stdinFile == nil && file != "-")
    if let stdinFile, !passesStdinThrough {
      do {
        input = try FileContents.read(stdinFile)
      } catch {
        CLIFailure.usage("cannot read --stdin file \(stdinFile): \(error)").exit()
      }
    }

    let whole: Configuration
    do {
      whole = try Configuration.load()
    } catch {
      CLIFailure.cannotRun(error.description).exit()
    }
    let configuration = whole.sandbox
    var limits = configuration.limits
    if let timeout {
      limits.wallMilliseconds = Int((timeout * 1_000).rounded())
      limits.cpuMilliseconds = min(limits.cpuMilliseconds, limits.wallMilliseconds)
    }
    if let cpu { limits.cpuMilliseconds = Int((cpu * 1_000).rounded()) }
    if let memory { limits.memoryMegabytes = memory }
    if let outputKilobytes { limits.outputKilobytes = outputKilobytes }

    PhaseTrace.mark("configuration loaded")
    let request = ExecutionRequest(
      code: code, displayName: file == "-" ? "<stdin>" : file, arguments: arguments, sharedPaths: sharedPaths,
      stdin: input,
      keepsStdinOpen: passesStdinThrough, limits: limits)
    let printer = LiveOutput(enabled: !json)
    let onControl = { (control: any ExecutionControl) in
      if passesStdinThrough { StdinPassthrough.start(into: control) }
    }
    let onEvent = { (event: ExecutionEvent) in
      switch event {
      case .stdout(let bytes): printer.write(bytes, to: .standardOutput)
      case .stderr(let bytes): printer.write(bytes, to: .standardError)
      case .started, .finished: break
      }
    }
    let result: ExecutionResult
    // A remote run's job is cancelled on the server when a signal ends the client (Ctrl-C).
    var interruption: RemoteInterruption?
    var server: String?
    do {
      if remote.isRemote {
        let backend: RemoteBackend
        do {
          backend = try remote.backend(configuration: whole, environment: ProcessInfo.processInfo.environment)
        } catch {
          error.exit()
        }
        let watch = RemoteInterruption(server: backend.endpoint.server)
        interruption = watch
        server = backend.endpoint.server
        result = try backend.runBlocking(
          request,
          onControl: { control in
            watch.attach(control)
            onControl(control)
          }, onEvent: onEvent)
      } else {
        result = try LocalBackend(configuration: configuration).runBlocking(
          request, onControl: onControl, onEvent: onEvent)
      }
    } catch {
      interruption?.finish()
      CLIFailure.cannotRun(error.description).report()
      Self.exit(1, interruption)
    }
    interruption?.finish()
    if json {
      LiveOutput.writeAll(Array((result.jsonString() + "\n").utf8), to: STDOUT_FILENO)
    } else if result.status != .ok && result.status != .error {
      // A remote run names its job, for a look at it on the server (`GET /v1/executions/{id}`).
      let job = server.map { " (job \(result.id) on \($0))" } ?? ""
      LiveOutput.writeAll(
        Array("coderemote: \(result.status.rawValue): \(result.message ?? "")\(job)\n".utf8),
        to: STDERR_FILENO)
    }
    PhaseTrace.mark("exit")
    Self.exit(result.status.cliExitCode(programExitCode: result.exitCode), interruption)
  }

  /// Ends the process with `status`, or by the signal that interrupted a remote run: the status a
  /// local run stopped by that signal ends with.
  private static func exit(_ status: Int32, _ interruption: RemoteInterruption?) -> Never {
    interruption?.exitIfInterrupted()
    Glibc.exit(status)
  }
}

/// Writes a program's output as it arrives. On a terminal, control characters are made inert so the
/// program cannot drive the user's terminal; into a pipe or file, bytes pass through unchanged.
struct LiveOutput {
  enum Target { case standardOutput, standardError }
  let enabled: Bool

  func write(_ bytes: [UInt8], to target: Target) {
    guard enabled else { return }
    let fd = target == .standardOutput ? STDOUT_FILENO : STDERR_FILENO
    Self.writeAll(isatty(fd) != 0 ? TerminalSafeText.neutralise(bytes) : bytes, to: fd)
  }

  /// Writes everything, or gives up quietly when the reader has gone (`coderemote run x.py | head`):
  /// SIGPIPE is ignored while a run is supervised, and FileHandle would trap on EPIPE.
  static func writeAll(_ bytes: [UInt8], to fd: Int32) { _ = LiveWrite.all(bytes, to: fd) }
}
