import Execution
import Testing

@testable import TUI

/// F4: runs go to the server the executable offered, or back to this machine; never mid-run.
@Suite struct TargetSwitchTests {
  func statusRow(_ app: App) -> String {
    String(app.render(width: 120, height: 12).0.text.split(separator: "\n").last!)
  }

  @Test func f4SwitchesRunsToTheServerAndBack() async {
    let local = ScriptedBackend(events: AppTests.finished("here\n"), isolation: "ns+rlimits")
    let remote = ScriptedBackend(events: AppTests.finished("there\n"), isolation: "remote runner:8080")
    let app = App(backend: local)
    #expect(statusRow(app).contains("isolation: ns+rlimits"))
    app.offerRemote(RunTarget(backend: remote, analyzer: nil))
    #expect(statusRow(app).contains("local · ns+rlimits"))

    app.handle(.key(.function(4)))
    #expect(app.runsRemotely)
    #expect(statusRow(app).contains("isolation: remote runner:8080"))
    app.handle(.key(.function(5)))
    await app.settle()
    #expect(remote.control.requests.withLock { $0.count } == 1)
    #expect(local.control.requests.withLock { $0.count } == 0)

    app.handle(.key(.function(4)))
    #expect(!app.runsRemotely)
    #expect(statusRow(app).contains("local · ns+rlimits"))
    app.handle(.key(.function(5)))
    await app.settle()
    #expect(local.control.requests.withLock { $0.count } == 1)
  }

  @Test func switchingDuringALiveRunIsRefused() async {
    var live = ScriptedBackend(events: [.started(id: "1")])
    live.staysLive = true
    let app = App(backend: live)
    app.offerRemote(RunTarget(backend: ScriptedBackend(isolation: "remote r:1"), analyzer: nil))
    app.handle(.key(.function(5)))
    app.handle(.key(.function(4)))
    #expect(!app.runsRemotely)
    #expect(app.editor.message?.contains("a run is live") == true)
    live.control.finish([.finished(ScriptedBackend.result(status: .ok, exitCode: 0))])
    await app.settle()
    app.handle(.key(.function(4)))
    #expect(app.runsRemotely)
  }

  @Test func withoutAServerF4SaysHowToConfigureOne() {
    let app = App(backend: ScriptedBackend())
    app.handle(.key(.function(4)))
    #expect(!app.runsRemotely)
    #expect(app.editor.message?.contains("CODEREMOTE_URL") == true)
    app.offerRemote(problem: "the configured server cannot be used: bad URL")
    app.handle(.key(.function(4)))
    #expect(app.editor.message?.contains("bad URL") == true)
  }
}
