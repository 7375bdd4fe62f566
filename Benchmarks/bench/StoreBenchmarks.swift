import FoundationEssentials
import Glibc
import Processes
import Store
import TUI

/// The snippet filter as you type over 100,000 snippets, beside the `sqlite3` shell running the same
/// FTS5 statement on the same file (its own `.timer`, so no process start is counted): the store's
/// search, then the browser's own path (Ctrl-O to its first frame, and each keystroke of a filter
/// to its frame) through the executable's adapter, `StoreLibrary` (symlinked here from
/// Sources/coderemote, so what is measured is what ships).
func runStoreBenchmarks() {
  let directory = "/tmp/coderemote-bench-store-\(getpid())"
  let path = directory + "/coderemote.db"
  defer { try? FileManager.default.removeItem(atPath: directory) }
  let store: SnippetStore
  do {
    store = try SnippetStore.open(path: path)
    let corpus = StoreCorpus()
    let started = clock.now
    for batch in stride(from: 0, to: 100_000, by: 10_000) {
      try store.save(all: (batch..<batch + 10_000).map(corpus.snippet))
    }
    print("store: 100,000 snippets inserted in \(Int((clock.now - started).milliseconds)) ms")
  } catch {
    print("store: cannot build the corpus: \(error)")
    return
  }

  // What a user types, one keystroke at a time: each prefix is one search.
  let typed = ["def fib", "quick sort", "kata math", "parse json", "zebra", "x", "日本"]
  let prefixes = typed.flatMap { text in (1...text.count).map { String(text.prefix($0)) } }
  var ours: [Double] = []
  for _ in 0..<5 {
    for prefix in prefixes { ours += measure(1) { _ = try? store.search(prefix, limit: 100) } }
  }
  ours.sort()

  // The same statement in the sqlite3 shell: the SQL `search` runs, with the same MATCH text.
  let reference = sqliteTimes(
    path: path,
    script: matchScript(prefixes) { match in
      """
      SELECT id, name, tags, pinned, updated_at, run_count, last_run_status, last_run_at FROM snippets
      WHERE id IN (SELECT rowid FROM snippets_fts WHERE snippets_fts MATCH \(match) ORDER BY rowid DESC
      LIMIT 100) ORDER BY id DESC;

      """
    })
  if reference.isEmpty {
    print("store: the sqlite3 shell is missing or failed (apt-get install sqlite3); no reference")
  } else {
    report(
      "filter as you type, 100k snippets (per keystroke)", ours: ours, reference: reference,
      referenceName: "sqlite3 shell, same query", budget: "p99 < 10 ms")
  }

  // Opening the browser: the first screenful of the list, pinned first, most recent next.
  let opens = measure(50) { _ = try? store.list(limit: 200) }
  let listScript =
    ".timer on\n"
    + String(
      repeating: """
        SELECT id, name, tags, pinned, updated_at, run_count, last_run_status, last_run_at FROM snippets
        WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT 200;

        """, count: 50)
  let listReference = sqliteTimes(path: path, script: listScript)
  if !listReference.isEmpty {
    report(
      "snippet list, first 200 of 100k", ours: opens, reference: listReference,
      referenceName: "sqlite3 shell, same query", budget: "(browser open)")
  }
  runBrowserBenchmarks(store: store, path: path, prefixes: prefixes)
}

/// The browser as the user meets it, in a 200×60 editor: Ctrl-O until its first frame is drawn
/// (the first page of the list, the preview loaded), and until the whole list is in (read on
/// another thread, the fuzzy index built); then a filter typed one key at a time, each key until
/// its frame is drawn (fuzzy over names and tags, the index over code).
func runBrowserBenchmarks(store: SnippetStore, path: String, prefixes: [String]) {
  let library = StoreLibrary(store)
  let app = App(backend: IdleBackend())
  app.attachCatalog(library)
  var opens: [Double] = []
  var wholeLists: [Double] = []
  var keys: [Double] = []
  var slowest: [(milliseconds: Double, filter: String)] = []
  for _ in 0..<5 {
    let started = clock.now
    opens += measure(1) {
      app.handle(.key(.ctrl("o")))
      _ = app.render(width: 200, height: 60)
    }
    // The bench has no app loop: it waits on the inbox as the loop would (this is the main
    // thread, and the read runs on one of its own).
    while app.isReadingSnippetList {
      var descriptor = pollfd(fd: app.inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, -1)
      app.drainInbox()
    }
    _ = app.render(width: 200, height: 60)
    let (seconds, attoseconds) = (clock.now - started).components
    wholeLists.append(Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
    var typed = ""
    for prefix in prefixes {
      // Each prefix is one more key of the word before it, or the first of a new word.
      if !prefix.hasPrefix(typed) || prefix.count != typed.count + 1 {
        app.handle(.key(.ctrl("u")))
        typed = ""
        for character in prefix.dropLast() { app.handle(.key(.character(character))) }
        typed = String(prefix.dropLast())
      }
      let key = prefix.last!
      let time = measure(1) {
        app.handle(.key(.character(key)))
        _ = app.render(width: 200, height: 60)
      }
      keys += time
      slowest.append((time[0], prefix))
      typed = prefix
    }
    app.handle(.key(.ctrl("u")))
    app.handle(.key(.escape))
  }
  wholeLists.sort()
  keys.sort()
  opens.sort()

  // The browser's full-text half, the same statement in the sqlite3 shell.
  // LIMIT 200: SnippetBrowser.codeMatchLimit.
  let reference = sqliteTimes(
    path: path,
    script: matchScript(prefixes) { match in
      "SELECT rowid FROM snippets_fts WHERE snippets_fts MATCH \(match) ORDER BY rowid DESC LIMIT 200;\n"
    })
  // Opening reads every line of the list: the same statement, its rows sent nowhere.
  let listReference = sqliteTimes(
    path: path,
    script: ".timer on\n.output /dev/null\n"
      + String(
        repeating: """
          SELECT id, name, tags, pinned, updated_at, run_count, last_run_status, last_run_at FROM snippets
          WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, id DESC;

          """, count: 5))
  guard !reference.isEmpty, !listReference.isEmpty else {
    print("browser: the sqlite3 shell is missing or failed (apt-get install sqlite3); no reference")
    return
  }
  report(
    "browser open, 100k snippets (Ctrl-O to first 200x60 frame)", ours: opens, reference: listReference,
    referenceName: "sqlite3 shell, reading the whole list", budget: "(none set)")
  report(
    "browser open, 100k snippets (Ctrl-O to the whole list in)", ours: wholeLists, reference: listReference,
    referenceName: "sqlite3 shell, reading the whole list", budget: "(none set)")
  report(
    "browser filter as you type, 100k snippets (key to frame)", ours: keys, reference: reference,
    referenceName: "sqlite3 shell, the same FTS query", budget: "p99 < 10 ms")
  // Where to look next: the filters whose last key was slowest.
  let worst = slowest.sorted { $0.milliseconds > $1.milliseconds }.prefix(5)
  print(
    "  slowest keys: "
      + worst.map { "\"\($0.filter)\" \(Int($0.milliseconds * 1000)) µs" }.joined(separator: ", "))
}

/// A sqlite3 shell script that times `statement` for each prefix, five rounds: the statement gets
/// the prefix's MATCH expression as the store builds it (`SearchPattern`), quoted as SQL.
func matchScript(_ prefixes: [String], _ statement: (String) -> String) -> String {
  var script = ".timer on\n"
  for _ in 0..<5 {
    for prefix in prefixes {
      guard let expression = SearchPattern(prefix).expression else { continue }
      script += statement("'" + expression.replacing("'", with: "''") + "'")
    }
  }
  return script
}

/// Runs `script` in `sqlite3 PATH` and returns the `Run Time: real` of each statement in ms, sorted.
func sqliteTimes(path: String, script: String) -> [Double] {
  guard
    let result = HelperProcess.run(
      "/usr/bin/sqlite3", ["-batch", path], input: Array(script.utf8), timeoutMilliseconds: 600_000,
      outputCapBytes: 256 << 20)
  else { return [] }
  let text = String(decoding: result.stdout, as: UTF8.self)
  return text.split(separator: "\n").compactMap { line -> Double? in
    guard line.hasPrefix("Run Time: real ") else { return nil }
    return Double(line.dropFirst(15).prefix { $0 != " " }).map { $0 * 1_000 }
  }.sorted()
}

/// Made-up but code-shaped snippets: names and code from a fixed vocabulary, so every run of the
/// benchmark searches the same corpus.
struct StoreCorpus {
  let words: [String]
  let tags = ["math", "kata", "io", "parsing", "json", "web", "sort", "graph", "strings", "dp", "unicode"]

  init() {
    let onsets = [
      "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "v", "z", "sh", "tr",
    ]
    let vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
    let codas = ["", "n", "r", "st", "ck", "b", "x"]
    var words: [String] = []
    for onset in onsets { for vowel in vowels { for coda in codas { words.append(onset + vowel + coda) } } }
    self.words = words + ["fib", "fibonacci", "quick", "sort", "parse", "json", "def", "return", "zebra"]
  }

  func snippet(_ index: Int) -> NewSnippet {
    var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 | 1
    func next() -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(Int.max))
    }
    func word() -> String { words[next() % words.count] }
    var code = "def \(word())_\(word())(\(word()), \(word())):\n"
    for _ in 0..<12 {
      code += "    \(word()) = \(word())(\(word()), \(next() % 100))  # \(word()) \(word())\n"
    }
    code += "    return \(word())\n"
    if index % 50 == 0 { code += "print('日本語 テキスト')\n" }
    return NewSnippet(
      name: "\(word()) \(word())", code: code,
      tags: (0..<(1 + next() % 3)).map { _ in tags[next() % tags.count] })
  }
}

extension Duration {
  var milliseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
  }
}
