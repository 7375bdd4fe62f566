import Testing

@testable import Execution
@testable import Processes
@testable import Sandbox
@testable import Settings

@Suite("Sandbox layers")
struct SandboxLayersTests {
  @Test("the isolation string names exactly the layers a run has, outer wall first")
  func vocabulary() {
    let v1 = CgroupSupport.v1(memory: "/m", pids: "/p", cpuacct: nil)
    #expect(
      SandboxLayers(namespaces: .native, separateUid: true, cgroups: v1, seccomp: true, landlock: 6).isolation
        == "ns+rlimits+uid+cgroup+seccomp")
    #expect(
      SandboxLayers(
        namespaces: .bubblewrap("/usr/bin/bwrap"), separateUid: true, cgroups: v1, seccomp: true, landlock: 6
      ).isolation == "bwrap+rlimits+uid+cgroup+seccomp")
    #expect(
      SandboxLayers(namespaces: nil, separateUid: true, cgroups: v1, seccomp: true, landlock: 6).isolation
        == "rlimits+landlock+uid+cgroup+seccomp")
    #expect(
      SandboxLayers(namespaces: nil, separateUid: false, cgroups: nil, seccomp: false).isolation == "rlimits")
    #expect(
      SandboxLayers(
        namespaces: .bubblewrap("/usr/bin/bwrap"), separateUid: false, cgroups: nil, seccomp: true
      )
      .isolation == "bwrap+rlimits+seccomp")
  }

  @Test("switched-off layers are not used")
  func switches() {
    var configuration = SandboxConfiguration()
    configuration.namespaces = .off
    configuration.useCgroups = false
    configuration.useSeccomp = false
    configuration.useLandlock = false
    let layers = SandboxLayers.detect(configuration)
    #expect(layers.namespaces == nil && layers.cgroups == nil && !layers.seccomp && layers.landlock == nil)
    #expect(layers.isolation == (layers.separateUid ? "rlimits+uid" : "rlimits"))
  }

  @Test("cgroup memberships are read per controller")
  func memberships() {
    let text = "9:name=systemd:/\n8:pids:/\n4:memory:/process_api/abc\n2:cpu,cpuacct:/x\n0::/user.slice\n"
    let memberships = CgroupSupport.parseMemberships(text)
    #expect(memberships["memory"] == "/process_api/abc")
    #expect(memberships["pids"] == "/")
    #expect(memberships["cpuacct"] == "/x" && memberships["cpu"] == "/x")
    #expect(memberships[""] == "/user.slice")
  }

  @Test("bubblewrap sees only the interpreter's files, a tmpfs work dir and no host environment")
  func bubblewrapArguments() {
    let command = BubblewrapCommand(
      interpreter: "/usr/bin/python3", limits: .defaults,
      environment: ["PATH": "/usr/bin", "HOME": "/sandbox"], contents: .descriptor(main: 10),
      seccompFD: 12)
    let args = command.arguments
    for flag in ["--unshare-all", "--die-with-parent", "--new-session", "--clearenv", "--disable-userns"] {
      #expect(args.contains(flag))
    }
    let bound = args.indices.filter { ["--bind", "--ro-bind", "--ro-bind-try"].contains(args[$0]) }.map {
      args[$0 + 1]
    }
    #expect(bound.allSatisfy { $0 == "/usr" || $0 == "/etc/ld.so.cache" || $0.hasPrefix("/lib") }, "\(bound)")
    #expect(args.suffix(2) == ["--", "/usr/bin/python3"])
    #expect(args.contains("--seccomp") && args[args.firstIndex(of: "--seccomp")! + 1] == "12")
  }
}
