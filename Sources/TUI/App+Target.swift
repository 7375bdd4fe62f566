import Execution

/// Where the editor's runs (and analyses) go: this machine, or a Code Remote server. The executable
/// builds both and hands them in (the TUI never sees the remote backend's type); F4 switches.
public struct RunTarget: Sendable {
  public var backend: any ExecutionBackend
  public var analyzer: (any CodeAnalyzing)?

  public init(backend: any ExecutionBackend, analyzer: (any CodeAnalyzing)?) {
    self.backend = backend
    self.analyzer = analyzer
  }
}

/// The targets the editor may switch between. The local one is the App's first backend, kept here
/// while the remote one is in use.
struct RunTargets {
  /// The server's target, or why there is none (no URL configured, or one that cannot be used).
  var remote: Result<RunTarget, TargetProblem> = .failure(.notConfigured)
  /// Set while runs go to the server: the local target to come back to.
  var parkedLocal: RunTarget?

  var isRemote: Bool { parkedLocal != nil }
  var hasRemote: Bool { (try? remote.get()) != nil }
}

struct TargetProblem: Error {
  var message: String
  static let notConfigured = TargetProblem(
    message: "no server configured: set [remote] url in config.toml or CODEREMOTE_URL (docs/configuration.md)"
  )
}

extension App {
  /// The server runs may be switched to (F4). Nothing changes until the user switches.
  public func offerRemote(_ target: RunTarget) { targets.remote = .success(target) }

  /// Why there is no server to switch to, said when F4 is pressed.
  public func offerRemote(problem: String) { targets.remote = .failure(TargetProblem(message: problem)) }

  /// Whether runs go to the server now.
  public var runsRemotely: Bool { targets.isRemote }

  /// F4: runs go to the server, or back to this machine. Refused while a run is live: its events
  /// would come from one target and the next run's from another.
  func switchTarget() {
    if isRunning {
      editor.note("a run is live: switch target once it ends (^C cancels it)")
      return
    }
    if let local = targets.parkedLocal {
      targets.parkedLocal = nil
      use(local)
      editor.note("runs go to this machine (F4: back to the server)")
      return
    }
    switch targets.remote {
    case .failure(let problem): editor.note(problem.message)
    case .success(let remote):
      targets.parkedLocal = RunTarget(backend: backend, analyzer: analysisWork.analyzer)
      use(remote)
      editor.note("runs go to \(remote.backend.isolation) (F4: back to this machine)")
    }
  }

  private func use(_ target: RunTarget) {
    backend = target.backend
    isolation = target.backend.isolation
    analysisWork.analyzer = target.analyzer
  }

  /// The status bar's target: the isolation of local runs (prefixed `local` when a server could be
  /// chosen instead), or `remote HOST:PORT`.
  var targetText: String {
    targets.hasRemote && !targets.isRemote ? "local · \(isolation)" : isolation
  }
}
