import Execution
import Testing

@testable import Settings

@Suite("Configuration file")
struct ConfigurationFileTests {
  let file = ConfigurationFile(path: "/home/u/.config/coderemote/config.toml")

  @Test("an empty file gives the defaults")
  func empty() throws {
    #expect(try file.parse("") == Configuration.default)
  }

  @Test("every key is read")
  func everyKey() throws {
    let whole = try file.parse(
      """
      [limits]
      wall_ms = 2000
      cpu_ms = 1000
      memory_mb = 128
      output_kb = 64
      processes = 8
      file_size_mb = 4
      open_files = 64
      [python]
      path = "/opt/python/bin/python3"
      import_policy = "strict"
      [sandbox]
      namespaces = "bubblewrap"
      cgroups = false
      seccomp = false
      landlock = false
      uid_range = [70000, 70009]
      [editor]
      indent_width = 2
      tab_width = 8
      auto_close = false
      [ui]
      theme = "light"
      [store]
      database = "/srv/snippets.db"
      [run]
      with = ["/srv/data.csv", "/srv/images"]
      [server]
      max_files = 4
      max_files_kb = 100
      rate_per_second = 2.5
      rate_burst = 10
      jobs_per_token = 3
      queue_capacity = 50
      retention_hours = 1
      """)
    var server = ServerSettings()
    server.maximumFiles = 4
    server.maximumFileKilobytes = 100
    server.ratePerSecond = 2.5
    server.rateBurst = 10
    server.jobsPerToken = 3
    server.queueCapacity = 50
    server.retentionHours = 1
    #expect(whole.server == server)
    let configuration = whole.sandbox
    #expect(whole.editor.indentWidth == 2 && whole.editor.tabWidth == 8 && !whole.editor.autoClose)
    #expect(whole.theme == "light")
    #expect(whole.databasePath == "/srv/snippets.db")
    #expect(whole.database(override: "/tmp/other.db") == "/tmp/other.db")
    #expect(whole.database() == "/srv/snippets.db")
    #expect(Configuration().database(environment: ["XDG_DATA_HOME": "/d"]) == "/d/coderemote/coderemote.db")
    #expect(
      configuration.limits
        == ExecutionLimits(
          wallMilliseconds: 2_000, cpuMilliseconds: 1_000, memoryMegabytes: 128, outputKilobytes: 64,
          processes: 8, fileSizeMegabytes: 4, openFiles: 64))
    #expect(configuration.pythonPath == "/opt/python/bin/python3")
    #expect(configuration.importPolicy == .strict)
    #expect(configuration.namespaces == .bubblewrap)
    #expect(!configuration.useCgroups && !configuration.useSeccomp)
    #expect(!configuration.useLandlock)
    #expect(configuration.uidRange == 70_000...70_009)
    #expect(configuration.sharedPaths == ["/srv/data.csv", "/srv/images"])
  }

  @Test(
    "bad files name the file and the key",
    arguments: [
      ("[limits]\nwall_ms = \"ten\"\n", "limits.wall_ms"),
      ("[limits]\nmemory_mb = 1\n", "limits.memory_mb"),
      ("[limits]\nwall = 10\n", "limits.wall"),
      ("[python]\nimport_policy = \"lax\"\n", "python.import_policy"),
      ("[python]\npath = \"python3\"\n", "python.path"),
      ("[sandbox]\nnamespaces = true\n", "sandbox.namespaces"),
      ("[sandbox]\nnamespaces = \"bwrap\"\n", "sandbox.namespaces"),
      ("[sandbox]\nbubblewrap = false\n", "sandbox.bubblewrap"),
      ("[sandbox]\nseccomp = \"yes\"\n", "sandbox.seccomp"),
      ("[sandbox]\nuid_range = [10, 5]\n", "sandbox.uid_range"),
      ("limits = 3\n", "limits"),
      ("[colours]\n", "colours"),
      ("[editor]\nindent_width = 0\n", "editor.indent_width"),
      ("[editor]\nauto_close = 1\n", "editor.auto_close"),
      ("[editor]\ntabs = 4\n", "editor.tabs"),
      ("[ui]\ntheme = 3\n", "ui.theme"),
      ("[store]\ndatabase = \"snippets.db\"\n", "store.database"),
      ("[store]\npath = \"/x.db\"\n", "store.path"),
      ("[run]\nwith = \"/srv/data.csv\"\n", "run.with"),
      ("[run]\nwith = [\"data.csv\"]\n", "run.with"),
      ("[run]\nwith = [1]\n", "run.with"),
      ("[run]\nargs = []\n", "run.args"),
      ("[server]\nmax_files = -1\n", "server.max_files"),
      ("[server]\nrate_per_second = \"fast\"\n", "server.rate_per_second"),
      ("[server]\nrate_per_second = 0\n", "server.rate_per_second"),
      ("[server]\nworkers = 2\n", "server.workers"),
      ("[remote]\nurl = \"example.org:8080\"\n", "remote.url"),
      ("[remote]\ntoken = \"two words\"\n", "remote.token"),
      ("[remote]\nca_file = \"ca.pem\"\n", "remote.ca_file"),
      ("[remote]\nhost = \"x\"\n", "remote.host"),
    ])
  func badKeys(text: String, key: String) {
    #expect {
      try file.parse(text)
    } throws: { error in
      let error = error as? ConfigurationError
      return error?.key == key && error?.description.contains(file.path) == true
    }
  }

  @Test("[remote] is read; a flag wins over the environment, which wins over the file")
  func remote() throws {
    let whole = try file.parse(
      """
      [remote]
      url = "https://runner.example.org"
      token = "cr_file"
      ca_file = "/etc/coderemote/ca.pem"
      """)
    #expect(
      whole.remote
        == RemoteSettings(
          url: "https://runner.example.org", token: "cr_file", caFile: "/etc/coderemote/ca.pem"))
    let environment = ["CODEREMOTE_URL": "http://127.0.0.1:9000", "CODEREMOTE_TOKEN": "cr_env"]
    #expect(
      whole.remote.overridden(by: RemoteSettings(), environment: environment)
        == RemoteSettings(url: "http://127.0.0.1:9000", token: "cr_env", caFile: "/etc/coderemote/ca.pem"))
    #expect(
      whole.remote.overridden(
        by: RemoteSettings(url: "https://flag.example", token: "cr_flag", caFile: "/tmp/ca.pem"),
        environment: environment)
        == RemoteSettings(url: "https://flag.example", token: "cr_flag", caFile: "/tmp/ca.pem"))
    // An empty variable is as good as none.
    #expect(
      whole.remote.overridden(by: RemoteSettings(), environment: ["CODEREMOTE_TOKEN": ""]).token == "cr_file")
  }

  @Test("broken TOML is reported with its position")
  func brokenTOML() {
    #expect {
      try file.parse("[limits\nwall_ms = 3")
    } throws: { error in
      let description = String(describing: error)
      return description.contains(file.path) && description.contains("line")
    }
  }

  @Test("the file lives under XDG_CONFIG_HOME, else ~/.config")
  func location() {
    #expect(
      Paths.configFile(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        == "/x/coderemote/config.toml")
    #expect(Paths.configFile(environment: ["HOME": "/h"]) == "/h/.config/coderemote/config.toml")
  }

  @Test("[keys] entries are kept as written, in file order, with their lines")
  func keys() throws {
    let whole = try file.parse(
      """
      [editor]
      tab_width = 4

      [keys]
      "ctrl-j" = "save"
      alt-x = "nonsense"
      "f10" = 5

      [keys.output]
      'ctrl-t' = "toggle-raw-codes"
      """)
    #expect(
      whole.keyBindings == [
        KeyBinding(context: nil, key: "ctrl-j", command: "save", line: 5),
        KeyBinding(context: nil, key: "alt-x", command: "nonsense", line: 6),
        KeyBinding(context: nil, key: "f10", command: "5", line: 7),
        KeyBinding(context: "output", key: "ctrl-t", command: "toggle-raw-codes", line: 10),
      ])
  }

  @Test("the state directory follows XDG_STATE_HOME")
  func stateDirectory() {
    #expect(Paths.stateDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/coderemote")
    #expect(Paths.stateDirectory(environment: ["HOME": "/h"]) == "/h/.local/state/coderemote")
  }
}
