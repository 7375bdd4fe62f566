import Testing

@testable import TUI

/// `coderemote edit --with PATH`: every run from the editor asks for the same files beside it.
@Suite struct SharedPathsTests {
  @Test func everyRunCarriesThePaths() async {
    let backend = ScriptedBackend(events: AppTests.finished("ok\n"))
    let app = App(backend: backend, text: "print(open('data.csv').read())\n")
    app.sharedPaths = ["/srv/data.csv", "/srv/images"]
    for _ in 0..<2 {
      app.handle(.key(.function(5)))
      await app.settle()
    }
    let requests = backend.control.requests.withLock { $0.map(\.sharedPaths) }
    #expect(requests == [["/srv/data.csv", "/srv/images"], ["/srv/data.csv", "/srv/images"]])
  }
}
