import Foundation
import Testing

@testable import Arguments

/// The generated completion scripts, run in the real shells: bash's function called as bash calls
/// it (COMP_WORDS, COMP_CWORD), fish's through `complete -C`, zsh's parsed by `zsh -n`.
@Suite("Shell completions")
struct CompletionTests {
  static let root: CommandSpec = {
    var root = CommandSpec(
      name: "tool", abstract: "A tool.",
      subcommands: [
        CommandSpec(
          name: "edit", abstract: "Edit a file.",
          positionals: [.init("file", help: "", optional: true, completion: .file)],
          options: [.value("theme", "theme", completion: .choices(["dark", "light"]), help: "A theme.")]),
        CommandSpec(
          name: "run", abstract: "Run it's file.", positionals: [.init("file", help: "", completion: .file)],
          options: [
            .value("stdin", "file", completion: .file, help: "Input [from a file]."),
            .value("timeout", "seconds", short: "t", help: "Seconds: a limit."),
            .flag("json", short: "j", help: "JSON."),
            .flag("empirical", onByDefault: true, help: "Time it."),
          ]),
        CommandSpec(
          name: "completions", abstract: "Scripts.",
          positionals: [.init("shell", help: "", completion: .choices(["bash", "zsh", "fish"]))]),
        CommandSpec(name: "snippets", abstract: "Snippets."),
      ],
      defaultSubcommand: "edit")
    _ = root.insert(
      CommandSpec(
        name: "save", abstract: "Save one.", positionals: [.init("dir", help: "", completion: .directory)],
        options: [.value("tag", "tag", repeatable: true, help: "A tag.")]), under: ["snippets"])
    _ = root.insert(CommandSpec(name: "list", abstract: "List them."), under: ["snippets"])
    return root
  }()

  /// A directory for the scripts, holding `work`, where the shells run among a few files to
  /// complete; removed at the end.
  final class Sandbox {
    let url: URL
    var work: URL { url.appendingPathComponent("work") }
    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)")
      try FileManager.default.createDirectory(
        at: url.appendingPathComponent("work/notes"), withIntermediateDirectories: true)
      for name in ["main.py", "mini.txt"] {
        try Data().write(to: work.appendingPathComponent(name))
      }
    }
    deinit { try? FileManager.default.removeItem(at: url) }
  }

  /// Runs `program` with `arguments` in `directory` and returns its standard output.
  static func output(_ program: String, _ arguments: [String], in directory: URL) throws -> (
    status: Int32, text: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// What bash offers for the command line `words`, the cursor in the last word.
  func bash(_ words: [String], in sandbox: Sandbox) throws -> [String] {
    let script = sandbox.url.appendingPathComponent("tool.bash")
    try Shell.bash.completionScript(for: Self.root).write(to: script, atomically: true, encoding: .utf8)
    let quoted = words.map(shellQuoted).joined(separator: " ")
    let call = """
      set -u; source \(shellQuoted(script.path)) || exit 9; COMP_WORDS=(tool \(quoted)); COMP_CWORD=\(words.count); \
      _tool; printf '%s\\n' "${COMPREPLY[@]}"
      """
    let result = try Self.output("/bin/bash", ["--norc", "--noprofile", "-c", call], in: sandbox.work)
    #expect(result.status == 0, "\(result.text)")
    return result.text.split(separator: "\n").map(String.init).sorted()
  }

  @Test func bashOffersWhatTheCommandAtTheCursorTakes() throws {
    let sandbox = try Sandbox()
    #expect(
      try bash([""], in: sandbox) == [
        "completions", "edit", "help", "main.py", "mini.txt", "notes", "run", "snippets",
      ])
    #expect(try bash(["r"], in: sandbox) == ["run"])
    #expect(try bash(["m"], in: sandbox) == ["main.py", "mini.txt"])
    #expect(try bash(["-"], in: sandbox) == ["--help", "--theme", "--version", "-h"])
    #expect(
      try bash(["run", "--"], in: sandbox) == [
        "--empirical", "--help", "--json", "--no-empirical", "--stdin", "--timeout",
      ])
    #expect(try bash(["run", "ma"], in: sandbox) == ["main.py"])
    #expect(try bash(["run", "--stdin", "mi"], in: sandbox) == ["mini.txt"])
    #expect(try bash(["run", "--stdin", "=", "mi"], in: sandbox) == ["mini.txt"])
    #expect(try bash(["run", "--stdin=mi"], in: sandbox) == ["--stdin=mini.txt"])
    #expect(try bash(["run", "-t", "5", "main.py", ""], in: sandbox) == [], "one positional only")
    #expect(try bash(["run", "--", "-"], in: sandbox) == [], "after --, no options")
    #expect(try bash(["completions", ""], in: sandbox) == ["bash", "fish", "zsh"])
    #expect(try bash(["--theme", "l"], in: sandbox) == ["light"])
    #expect(try bash(["main.py", "--theme", "d"], in: sandbox) == ["dark"])
    #expect(try bash(["snippets", ""], in: sandbox) == ["list", "save"])
    #expect(try bash(["snippets", "save", "--tag", "x", "n"], in: sandbox) == ["notes"])
    #expect(try bash(["snippets", "save", "--"], in: sandbox) == ["--help", "--tag"])
    #expect(try bash(["help", "s"], in: sandbox) == ["snippets"])
  }

  @Test func fishOffersTheSame() throws {
    let sandbox = try Sandbox()
    let script = sandbox.url.appendingPathComponent("tool.fish")
    try Shell.fish.completionScript(for: Self.root).write(to: script, atomically: true, encoding: .utf8)
    func fish(_ line: String) throws -> [String] {
      let call = "source \(shellQuoted(script.path)); or exit 9; complete -C \(shellQuoted(line))"
      let result = try Self.output("/usr/bin/fish", ["--no-config", "-c", call], in: sandbox.work)
      #expect(result.status == 0, "\(result.text)")
      return result.text.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }.sorted()
    }
    #expect(try fish("tool r") == ["run"])
    #expect(
      try fish("tool ") == [
        "completions", "edit", "help", "main.py", "mini.txt", "notes/", "run", "snippets",
      ])
    #expect(
      try fish("tool run --") == [
        "--empirical", "--help", "--json", "--no-empirical", "--stdin", "--timeout",
      ])
    #expect(try fish("tool run ma") == ["main.py"])
    #expect(try fish("tool run --stdin mi") == ["mini.txt"])
    #expect(try fish("tool run main.py ") == [])
    #expect(try fish("tool completions ") == ["bash", "fish", "zsh"])
    #expect(try fish("tool snippets ") == ["list", "save"])
    #expect(try fish("tool snippets save --tag x n") == ["notes/"])
    #expect(try fish("tool --theme ") == ["dark", "light"])
  }

  @Test func zshParsesAndHasAFunctionPerCommand() throws {
    let sandbox = try Sandbox()
    let text = Shell.zsh.completionScript(for: Self.root)
    let script = sandbox.url.appendingPathComponent("_tool")
    try text.write(to: script, atomically: true, encoding: .utf8)
    let syntax = try Self.output("/usr/bin/zsh", ["-n", script.path], in: sandbox.url)
    #expect(syntax.status == 0, "\(syntax.text)")
    // Defined in a real zsh, every command's function exists (`compdef` stubbed: no compinit here).
    let call = "compdef() { :; }; source \(shellQuoted(script.path)); print -l ${(ok)functions[(I)_tool*]}"
    let defined = try Self.output("/usr/bin/zsh", ["-f", "-c", call], in: sandbox.url)
    #expect(
      defined.text.split(separator: "\n") == [
        "_tool", "_tool_completions", "_tool_edit", "_tool_help", "_tool_run", "_tool_snippets",
        "_tool_snippets_list", "_tool_snippets_save",
      ], "\(defined.text)")
    #expect(text.hasPrefix("#compdef tool\n"))
    #expect(text.contains(#"'(--timeout -t)'{-t+,--timeout=}'[Seconds\: a limit.]:seconds: '"#), "\(text)")
    #expect(text.contains(#"'*--tag=[A tag.]:tag: '"#))
    #expect(text.contains(#"'(--empirical --no-empirical)--no-empirical[Turn --empirical off.]'"#))
    #expect(text.contains(#"'(--stdin)--stdin=[Input \[from a file\].]:file:_files'"#))
    #expect(text.contains(#"'run:Run it'\''s file.'"#))
    #expect(text.contains(#"*) words=('edit' "${words[@]}"); (( CURRENT++ )); _tool_edit ;;"#))
    #expect(text.contains("':dir:_files -/'"))
  }
}
