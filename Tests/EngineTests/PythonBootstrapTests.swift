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
          print(os.read(primary, 16))
      """
    let run = try await Harness.run(code, layers: layers, policy: .standard)
    #expect(run.stdout == "[1, 2, 3]\nb'tty\\r\\n'\n", "\(run.output)")
  }
}
