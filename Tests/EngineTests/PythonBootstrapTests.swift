import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

/// The interpreter runs with -S; the bootstrap gives programs what `site` would have.
@Suite("Python bootstrap")
struct PythonBootstrapTests {
  typealias Harness = SandboxHarness

  @Test("exit() and quit() work and set the exit code", arguments: ImportPolicy.allCases)
  func exitBuiltins(policy: ImportPolicy) async throws {
    let layers = Harness.strongest
    let run = try await Harness.run(
      "print('bye')\nexit(3)\nprint('not reached')\n", layers: layers, policy: policy)
    #expect(run.stdout == "bye\n")
    #expect(run.result.exitCode == 3)
    #expect(try await Harness.run("quit()\n", layers: layers, policy: policy).result.status == .ok)
  }

  @Test("site-packages join sys.path when an import first misses the standard library")
  func sitePackagesOnDemand() async throws {
    let layers = Harness.strongest
    let code = """
      import sys, json
      def site_dirs():
          return [p for p in sys.path if p.endswith(('site-packages', 'dist-packages'))]
      print('before', len(site_dirs()))
      try:
          import no_such_module_anywhere
      except ModuleNotFoundError as error:
          print('missing', error.name)
      import site
      expected = [p for p in site.getsitepackages() if __import__('os').path.isdir(p)]
      print('after', site_dirs() == expected, len(expected) > 0)
      """
    let run = try await Harness.run(code, layers: layers, policy: .standard)
    #expect(run.stdout == "before 0\nmissing no_such_module_anywhere\nafter True True\n", "\(run.output)")
  }

  @Test("the program's own directory is first on sys.path; argv[0] is main.py")
  func programDirectory() async throws {
    let layers = Harness.strongest
    let code = """
      import sys, os
      print(sys.argv, sys.path[0] == os.getcwd(), __name__, os.path.basename(__file__))
      open('helper_mod.py', 'w').write('VALUE = 42\\n')
      import helper_mod
      print(helper_mod.VALUE)
      """
    let run = try await Harness.run(code, layers: layers, policy: .strict)
    #expect(run.stdout == "['main.py'] True __main__ main.py\n42\n", "\(run.output)")
  }

  @Test(
    "a traceback names the program's file as it was given, with its source lines",
    arguments: ImportPolicy.allCases)
  func tracebackNamesTheFile(policy: ImportPolicy) async throws {
    let code = "def f():\n    return 1 / 0\n\nf()\n"
    let run = try await Harness.run(code, layers: Harness.strongest, policy: policy)
    #expect(run.result.status == .error)
    let frames = """
        File "\(run.file)", line 4, in <module>
          f()
        File "\(run.file)", line 2, in f
          return 1 / 0
      """
    #expect(run.stderr.hasPrefix("Traceback (most recent call last):\n" + frames), "\(run.stderr)")
    #expect(run.stderr.hasSuffix("ZeroDivisionError: division by zero\n"), "\(run.stderr)")
    #expect(!run.stderr.contains("main.py"), "\(run.stderr)")
  }

  @Test("warnings, syntax errors and inspect see the program under its name")
  func warningsAndSyntaxErrors() async throws {
    let layers = Harness.strongest
    let warned = try await Harness.run(
      "import inspect, warnings\ndef f():\n    warnings.warn('careful')\nf()\nprint(inspect.getsource(f), end='')\n",
      layers: layers)
    #expect(
      warned.stderr == "\(warned.file):3: UserWarning: careful\n  warnings.warn('careful')\n",
      "\(warned.output)")
    #expect(warned.stdout == "def f():\n    warnings.warn('careful')\n", "\(warned.output)")
    let broken = try await Harness.run("x = 1\ny = (\n", layers: layers)
    #expect(broken.stderr.contains("File \"\(broken.file)\", line 2\n    y = (\n"), "\(broken.stderr)")
  }

  /// The name is only a label: the program's file is still main.py in its work dir, and a name
  /// that looks like the standard library's does not make the program's imports the library's.
  @Test("the display name is a label: __file__ stays real, and the import policy still holds")
  func displayNameIsALabel() async throws {
    var configuration = SandboxConfiguration.default
    configuration.importPolicy = .standard
    let backend = LocalBackend(configuration: configuration)
    let code = "import os, sys\nprint(sys.argv[0], os.path.exists(__file__))\nimport ctypes\n"
    // Under sys.prefix (/usr), where the hook would take the importer for the standard library.
    let library = "/usr/lib/python3/dist-packages/x.py"
    let request = ExecutionRequest(code: code, displayName: library, limits: configuration.limits)
    let result = try backend.runBlocking(request) { _ in }
    let stderr = String(decoding: result.stderr, as: UTF8.self)
    #expect(String(decoding: result.stdout, as: UTF8.self) == "main.py True\n")
    #expect(stderr.contains("File \"\(library)\", line 3"), "\(stderr)")
    #expect(stderr.contains("import of 'ctypes' is blocked"), "\(stderr)")
    let nul = ExecutionRequest(code: "print(1)\n", displayName: "a\u{0}b", limits: configuration.limits)
    #expect(throws: ExecutionError.self) { try backend.runBlocking(nul) { _ in } }
  }

  @Test(
    "multiprocessing pools and pseudo-terminals work inside namespaces",
    arguments: SandboxHarness.available.filter(\.hasNamespaces))
  func processPools(layers: SandboxHarness.LayerSet) async throws {
    let code = """
      import os
      from multiprocessing import Pool
      if __name__ == '__main__':
          with Pool(2) as pool:
              print(pool.map(abs, [-1, -2, -3]))
          primary, secondary = os.openpty()
          os.write(secondary, b'tty\\n')
          # A read returns what the line discipline has passed on so far: under load, 'tty' before
          # the '\\r\\n' it makes of the newline. Read to the end of the line.
          echoed = b''
          while not echoed.endswith(b'\\n'):
              echoed += os.read(primary, 16)
          print(echoed)
      """
    let run = try await Harness.run(code, layers: layers, policy: .standard)
    #expect(run.stdout == "[1, 2, 3]\nb'tty\\r\\n'\n", "\(run.output)")
  }
}
