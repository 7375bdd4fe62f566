import Settings
import Testing

@testable import TUI

@Suite struct KeymapTests {
  @Test func keyNamesAsConfigWritesThem() {
    #expect(Key(name: "ctrl-s") == .ctrl("s"))
    #expect(Key(name: "Ctrl-S") == .ctrl("s"))
    #expect(Key(name: "alt-x") == .modified(.character("x"), .alt))
    #expect(Key(name: "f5") == .function(5))
    #expect(Key(name: "shift-f3") == .modified(.function(3), .shift))
    #expect(Key(name: "ctrl-home") == .modified(.home, .control))
    #expect(Key(name: "shift-ctrl-left") == .modified(.left, [.shift, .control]))
    #expect(Key(name: "shift-tab") == .backTab)
    #expect(Key(name: "pgdn") == .pageDown)
    #expect(Key(name: "esc") == .escape)
    #expect(Key(name: "alt--") == .modified(.character("-"), .alt))
    #expect(Key(name: "ctrl-alt-x") == .modified(.ctrl("x"), .alt))
    #expect(Key(name: "q") == .character("q"))
  }

  @Test func namesThatAreNoKey() {
    for name in ["", "ctrl-", "hyper-x", "f0", "f25", "ctrl-1", "shift-a", "ctrl-shift-p", "ctrl-space-bar"] {
      #expect(Key(name: name) == nil, "\(name)")
    }
  }

  @Test func everyBoundKeyHasALabelAndAName() {
    for command in Keymap.standard.commands {
      for key in command.keys {
        #expect(!key.label.contains("?"), "\(command.name): \(key)")
      }
    }
    #expect(Key.ctrl("s").label == "^S")
    #expect(Key.modified(.function(3), .shift).label == "Shift-F3")
    #expect(Key.modified(.character("s"), .alt).label == "Alt-S")
    #expect(Key.modified(.left, [.shift, .control]).label == "Shift-Ctrl-←")
  }

  /// No key does two things in one context, and names are unique and kebab-case.
  @Test func theCatalogIsConsistent() {
    var seen: Set<String> = []
    for command in CommandCatalog.standard {
      #expect(seen.insert(command.name.rawValue).inserted, "\(command.name) twice")
      #expect(command.name.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
    }
    for context in KeyContext.allCases {
      let keys = CommandCatalog.standard.filter { $0.context == context }.flatMap(\.keys)
      #expect(Set(keys).count == keys.count, "a key is bound twice in \(context)")
    }
    // What the catalog says is what the keymap does.
    for command in CommandCatalog.standard {
      for key in command.keys {
        #expect(Keymap.standard.command(for: key, in: command.context) == command.name)
      }
    }
  }

  /// ^O opens the browser from anywhere, and in the browser it closes it again.
  @Test func ctrlOIsTheSnippetBrowsersEverywhere() {
    #expect(Keymap.standard.command(for: .ctrl("o"), in: .global) == "open-snippet-browser")
    #expect(Keymap.standard.command(for: .ctrl("o"), in: .browser) == "browser-close")
    #expect(Keymap.standard.command(for: .ctrl("o"), in: .history) == "history-close")
    for context in KeyContext.allCases where ![.global, .browser, .history].contains(context) {
      #expect(Keymap.standard.command(for: .ctrl("o"), in: context) == nil)
    }
  }

  @Test func aModifierWithNoBindingOfItsOwnFallsBack() {
    let map = Keymap.standard
    #expect(map.command(for: .modified(.up, [.shift, .control]), in: .editor) == "select-up")
    #expect(map.command(for: .modified(.left, [.shift, .control]), in: .editor) == "select-word-left")
    #expect(map.command(for: .modified(.up, .alt), in: .editor) == "move-up")
    #expect(map.command(for: .modified(.character("q"), .alt), in: .editor) == nil)
  }

  @Test func overridesBindUnbindAndReplace() {
    var map = Keymap.standard
    let problems = map.apply([
      KeyBinding(context: nil, key: "ctrl-j", command: "save", line: 2),
      KeyBinding(context: "output", key: "ctrl-t", command: "toggle-raw-codes", line: 4),
      KeyBinding(context: nil, key: "ctrl-p", command: "none", line: 5),
      KeyBinding(context: "editor", key: "ctrl-b", command: "go-to-line", line: 6),
    ])
    #expect(problems == [])
    #expect(map.command(for: .ctrl("j"), in: .editor) == "save")
    #expect(map.command(for: .ctrl("s"), in: .editor) == "save")  // the default stays too
    #expect(map.command(for: .ctrl("t"), in: .output) == "toggle-raw-codes")
    #expect(map.command(for: .ctrl("p"), in: .editor) == nil)
    #expect(map.command(for: .ctrl("p"), in: .output) == nil)
    #expect(map.command(for: .ctrl("b"), in: .editor) == "go-to-line")
    #expect(!map.keys(for: "matching-bracket").contains(.ctrl("b")))
    #expect(map.keys(for: "go-to-line") == [.ctrl("g"), .ctrl("b")])
  }

  @Test func badEntriesSaySoAndTheRestApply() {
    var map = Keymap.standard
    let problems = map.apply([
      KeyBinding(context: nil, key: "ctrl-j", command: "sav", line: 2),
      KeyBinding(context: nil, key: "hyper-j", command: "save", line: 3),
      KeyBinding(context: "sidebar", key: "ctrl-j", command: "save", line: 4),
      KeyBinding(context: "output", key: "ctrl-j", command: "save", line: 5),
      KeyBinding(context: nil, key: "alt-w", command: "toggle-wrap", line: 6),
    ])
    #expect(problems.count == 4)
    #expect(
      problems[0].hasPrefix("line 2: [keys] \"ctrl-j\": unknown command \"sav\" (did you mean \"save\""))
    #expect(problems[1].hasPrefix("line 3: [keys] \"hyper-j\": not a key"))
    #expect(problems[2].contains("no such context \"sidebar\""))
    #expect(
      problems[3]
        == "line 5: [keys.output] \"ctrl-j\": \"save\" belongs to the editor context: bind it under [keys] or [keys.editor]"
    )
    #expect(map.command(for: .modified(.character("w"), .alt), in: .output) == "toggle-wrap")
    #expect(map.command(for: .ctrl("j"), in: .editor) == nil)
  }

  @Test func aBadEntryWarnsOnTheScreenAndTheEditorWorks() {
    let app = App.scripted()
    let problems = app.applyKeyBindings([
      KeyBinding(context: nil, key: "ctrl-j", command: "nonsense", line: 7),
      KeyBinding(context: nil, key: "ctrl-j", command: "select-all", line: 8),
    ])
    #expect(problems.count == 1)
    let screen = app.render(width: 120, height: 24).0.text
    #expect(screen.contains("config.toml: line 7: [keys] \"ctrl-j\": unknown command \"nonsense\""))
    app.handle(.key(.character("a")))
    app.handle(.key(.ctrl("j")))
    #expect(app.editor.state.selectedText == "a")
  }

  @Test func aRemappedKeyReachesThePanes() {
    let app = App.scripted()
    app.applyKeyBindings([KeyBinding(context: "output", key: "alt-w", command: "toggle-wrap", line: nil)])
    app.handle(.key(.function(6)))
    app.handle(.key(.modified(.character("w"), .alt)))
    #expect(!app.output.wrap)
  }

  @Test func theStatusBarRecallsTheKeysAsBound() {
    let app = App.scripted()
    #expect(app.statusKeys == " F1 Help  F5 Run  ^Q Quit ")
    app.applyKeyBindings([
      KeyBinding(context: "global", key: "f1", command: "none", line: 1),
      KeyBinding(context: nil, key: "f10", command: "help", line: 2),
    ])
    #expect(app.statusKeys == " F10 Help  F5 Run  ^Q Quit ")
  }

  @Test func thePromptHintsOfferTheKeysAsBound() {
    let app = App.scripted()
    app.handle(.key(.ctrl("f")))
    #expect(app.editor.prompt?.hint(app.keymap) == "Enter done  F3/^N next  ^P prev  Esc cancel")
    #expect(app.editor.prompt?.optionsText(app.keymap) == "^T case:off ^W word:off ^E regex:off")
    app.applyKeyBindings([
      KeyBinding(context: "prompt", key: "f3", command: "none", line: 1),
      KeyBinding(context: "prompt", key: "ctrl-g", command: "prompt-next", line: 2),
      KeyBinding(context: "prompt", key: "alt-c", command: "toggle-case", line: 3),
      KeyBinding(context: "prompt", key: "ctrl-t", command: "none", line: 4),
    ])
    let hint = "Enter done  ^N/^G next  ^P prev  Esc cancel"
    #expect(app.editor.prompt?.hint(app.keymap) == hint)
    #expect(app.editor.prompt?.optionsText(app.keymap) == "Alt-C case:off ^W word:off ^E regex:off")
    #expect(app.render(width: 200, height: 24).0.text.contains(hint))
    app.handle(.key(.escape))
    app.handle(.key(.function(6)))
    app.handle(.key(.ctrl("f")))
    #expect(app.output.prompt?.hint(app.keymap) == "Enter/^N/^G next  ^P prev  Esc close")
  }

  @Test func theOutputNoticesOfferTheKeysAsBound() {
    let app = App.scripted()
    app.handle(.key(.function(6)))
    app.handle(.key(.ctrl("w")))
    #expect(app.output.notice == "wrap off: ←/→ scroll sideways (^W: wrap)")
    app.applyKeyBindings([
      KeyBinding(context: "output", key: "ctrl-w", command: "none", line: 1),
      KeyBinding(context: "output", key: "alt-w", command: "toggle-wrap", line: 2),
    ])
    app.handle(.key(.modified(.character("w"), .alt)))
    #expect(app.output.notice == "wrap on (Alt-W: scroll sideways)")
  }
}
