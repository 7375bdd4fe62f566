import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

/// Every failure that stops a run from starting is one `ExecutionError` with a code, at the
/// backend's boundary, whichever way the backend is called.
@Suite("Execution errors")
struct ExecutionErrorTests {
  let backend = LocalBackend(configuration: .default)

  func failure(_ request: ExecutionRequest) async -> ExecutionError? {
    do {
      for try await _ in backend.run(request).events {}
      return nil
    } catch {
      return error as? ExecutionError
    }
  }

  @Test("a language other than Python is refused with its code, from the handle and from runBlocking")
  func unsupportedLanguage() async {
    let request = ExecutionRequest(language: "ruby", code: "puts 1")
    #expect(await failure(request)?.code == .unsupportedLanguage)
    #expect(throws: ExecutionError.unsupportedLanguage("ruby")) { try backend.runBlocking(request) { _ in } }
    #expect(ExecutionError.unsupportedLanguage("ruby").message.contains("'ruby'"))
  }

  @Test("limits of zero or less are an invalid request, never 'no limit'")
  func invalidLimits() async {
    var limits = ExecutionLimits.defaults
    limits.memoryMegabytes = 0
    let error = await failure(ExecutionRequest(code: "print(1)", limits: limits))
    #expect(error?.code == .invalidRequest)
    #expect(error?.message.contains("limits.memory_mb") == true)
  }

  @Test("no interpreter is its own code")
  func noInterpreter() async {
    var backend = LocalBackend(configuration: .default)
    backend.interpreter = nil
    #expect(throws: ExecutionError.noInterpreter) {
      try backend.runBlocking(ExecutionRequest(code: "")) { _ in }
    }
  }

  @Test("what fails while a box is built becomes a sandbox failure; the uid lease's errors keep their codes")
  func boundary() {
    let spawn = ExecutionError(buildingBox: SpawnError(executable: "/usr/bin/bwrap", errno: 13))
    #expect(spawn.code == .sandboxFailure)
    #expect(spawn.message.contains("cannot start /usr/bin/bwrap"))
    let workDirectory = ExecutionError(buildingBox: WorkDirectoryError(path: "/run/x", errno: 28))
    #expect(workDirectory.code == .sandboxFailure && workDirectory.message.contains("/run/x"))
    #expect(ExecutionError(buildingBox: ExecutionError.noFreeUid(1...2)).code == .noFreeUid)
  }

  @Test("codes are the stable snake_case names clients see")
  func codes() {
    #expect(
      ExecutionError.Code.allCases.map(\.rawValue).allSatisfy {
        $0.allSatisfy { $0.isLowercase || $0 == "_" }
      })
    #expect(ExecutionError.noFreeUid(1...2).code.rawValue == "no_free_uid")
    struct Odd: Error {}
    #expect(ExecutionError(Odd()).code == .backendFailure)
    #expect(ExecutionError(ExecutionError.noInterpreter) == .noInterpreter)
  }
}
