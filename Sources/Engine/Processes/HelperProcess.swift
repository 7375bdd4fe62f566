/// A short-lived tool this program runs for itself (the clipboard's xclip, `python3 --version` for
/// the doctor): no sandbox, but the same spawner and supervisor as a run, so it gets a session of
/// its own, bounded output and a deadline, and never a shell.
public enum HelperProcess {
  public struct Output: Sendable {
    public var exitCode: Int?
    public var stdout: [UInt8]
  }

  /// Runs `executable` with `input` on its stdin; nil when it could not be started. It is killed
  /// once `timeoutMilliseconds` have passed or it has written `outputCapBytes`.
  public static func run(
    _ executable: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:],
    timeoutMilliseconds: Int = 1_000, outputCapBytes: Int = 16 << 20
  ) -> Output? {
    let plan = LaunchPlan(executable: executable, arguments: arguments, environment: environment)
    guard let process = try? SpawnedProcess(plan: plan) else { return nil }
    let supervisor = Supervisor()
    supervisor.send(stdin: input)
    supervisor.closeStdin()
    let outcome = supervisor.supervise(
      process, wallMilliseconds: timeoutMilliseconds, outputCapBytes: outputCapBytes, onStart: { _ in },
      onOutput: { _, _ in })
    return Output(exitCode: outcome.ending == .exited ? outcome.exitCode : nil, stdout: outcome.stdout)
  }
}
