import Editor
import Testing

@testable import TUI

/// The save prompts and the status bar as drawn, at a small, the usual and a large terminal.
@Suite struct SaveSnapshotTests {
  static let sizes = [(40, 12), (80, 24), (200, 60)]

  @Test func saveAsPromptOfANewBuffer() {
    for (width, height) in Self.sizes {
      let app = App.scripted(text: "print('hi')\n")
      app.handle(.key(.ctrl("s")))
      Snapshot.assert(app.render(width: width, height: height).0.text, named: "save-as-\(width)x\(height)")
    }
  }

  @Test func overwriteQuestion() {
    for (width, height) in Self.sizes {
      let app = App.scripted(text: "print('hi')\n")
      app.editor.prompt = EditorPrompt(purpose: .confirmOverwrite(path: "main.py"), origin: .cursor(0))
      Snapshot.assert(app.render(width: width, height: height).0.text, named: "overwrite-\(width)x\(height)")
    }
  }

  @Test func changedOnDiskQuestion() {
    for (width, height) in Self.sizes {
      let app = App.scripted(text: "print('hi')\n")
      app.editor.prompt = EditorPrompt(purpose: .changedOnDisk(path: "main.py"), origin: .cursor(0))
      Snapshot.assert(
        app.render(width: width, height: height).0.text, named: "changed-on-disk-\(width)x\(height)")
    }
  }

  @Test func statusBarAfterAFailedRun() async {
    for (width, height) in Self.sizes {
      let app = App(
        backend: ScriptedBackend(
          events: AppTests.finished("", stderr: "boom\n", status: .error, exit: 1),
          isolation: "bubblewrap (user namespaces, seccomp, cgroup limits)"))
      AppTests.type("x", into: app)
      app.handle(.key(.function(5)))
      await app.settle()
      Snapshot.assert(
        app.render(width: width, height: height).0.text, named: "status-failed-\(width)x\(height)")
    }
  }
}
