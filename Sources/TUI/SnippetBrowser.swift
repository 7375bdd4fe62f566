import FoundationEssentials

/// Ctrl-O: the snippet browser, a full-screen layer over the editor. The list (name, tags, last run,
/// age), a filter as you type (fuzzy over names and tags, the full-text index over code), a
/// highlighted preview, three orders, and the actions: open, new, rename, tag, duplicate, pin,
/// delete to the trash with undo, copy, and the run history with its diffs. docs/snippets.md.
///
/// The state is plain data and every change goes through `handle(_:)`; what only the app can do
/// (put a snippet in the editor, the clipboard, closing) comes back as an `Outcome`. The database
/// is reached through the `SnippetCatalog` the executable hands in.
struct SnippetBrowser {
  let catalog: any SnippetCatalog
  var theme: Theme = .standard
  /// The keys as bound now: what each key does here, and what the hints name (the layer sets it).
  var keymap: Keymap = .standard
  /// Wall-clock time, for the ages shown; tests fix it.
  var now: () -> Date = { Date() }
  /// The text the editor holds for a snippet, when it holds that snippet: what a diff compares an
  /// old version with (it may be ahead of the stored code).
  var bufferText: (Int64) -> String? = { _ in nil }

  private(set) var order: CatalogOrder = .recent
  /// Every live snippet, in `order` (or the first page of them: `isComplete`), indexed.
  private(set) var list = SnippetList.empty
  var entries: [CatalogEntry] { list.entries }
  var index: FuzzyIndex { list.index }
  var positionOfID: [Int64: Int] { list.positionOfID }
  /// The filter as typed.
  private(set) var filter = ""
  /// What the list shows: all entries, or the matches of the filter, best first.
  private(set) var rows: [Row] = []
  /// Matches of filters typed on the way to this one: each is a prefix of the next, and a longer
  /// filter only ever narrows, so the next keystroke scores only what the last one kept.
  var narrowing: [(filter: String, candidates: [Int32])] = []
  private(set) var selected = 0
  var top = 0
  /// Rows of the list on screen at the last layout: how far Page Up and Page Down go.
  var pageHeight = 10
  var mode: Mode = .list
  /// The code of the selected snippet, loaded when the selection moves to it.
  private(set) var preview: (id: Int64, code: String)?
  var previewTop = 0
  /// What the last action did (or why it failed), until the next key.
  var message: Message?
  /// Snippets deleted from here, newest last: Ctrl-Z puts the last one back.
  private(set) var trashed: [CatalogEntry] = []
  /// The last click on the list, for a second click on the same row to open it.
  var lastClick: Int?
  /// Where the parts were drawn last, for the mouse.
  var lastLayout: Layout?

  /// A line of the list: which entry, and how well its name or tags matched the filter (nil when
  /// they did not, or there is no filter).
  struct Row: Equatable {
    var entry: Int
    var score: Int?
  }
  /// The entries whose code the filter matched (through the full-text index).
  private(set) var codeMatched: Set<Int> = []

  enum Mode: Equatable {
    case list
    /// A line of input at the bottom: a new snippet's name, a new name, the tags.
    case prompt(Prompt)
    case history(RunHistory)
    case diff(RunDiff)
  }

  struct Prompt: Equatable {
    enum Purpose: Equatable { case create, rename(Int64), tag(Int64) }
    var purpose: Purpose
    var input: String

    var label: String {
      switch purpose {
      case .create: "New snippet: "
      case .rename: "Rename to: "
      case .tag: "Tags: "
      }
    }
  }

  struct Message: Equatable {
    var text: String
    var isError: Bool
  }

  /// What the app does after a key.
  enum Outcome: Equatable {
    case stay
    case close
    /// Put this snippet in the editor (its draft, if it has one).
    case open(Int64)
    /// Put this code, an old version of the snippet, in the editor's buffer for it.
    case openVersion(snippet: Int64, code: String, startedAt: Date)
    case copy(String)
    /// A global command that works over the browser (`globalCommands`): F1, the palette.
    case global(CommandName)
  }

  /// Opens on the list in `order`, with the first snippet (or `selecting`) selected.
  init(catalog: any SnippetCatalog, order: CatalogOrder = .recent, selecting id: Int64? = nil) {
    self.catalog = catalog
    self.order = order
    reload(keeping: id)
  }

  // MARK: Loading

  /// How many lines of the list are read before the first frame. A longer list is read whole on
  /// another thread (`takeListRead`), so Ctrl-O over 100,000 snippets draws at once.
  static let firstPage = 400

  /// Whether `entries` is the whole list, not its first page while the rest is read.
  private(set) var isComplete = true
  /// Tells this browser's reads from another's, and a reload's from the one before.
  private let identity = UUID()
  private var generation = 0
  /// The read of the whole list the app should start (it takes it once).
  private var readToStart: SnippetListRead?
  /// The snippet to select once the whole list is in, when the first page did not hold it and
  /// nothing has been pressed since.
  var awaitedSelection: Int64?

  /// Reads the list again (after a change, or in another order) and keeps `id` selected when it is
  /// still there. A failure keeps the old list and says why.
  mutating func reload(keeping id: Int64? = nil) {
    let keep = id ?? selectedEntry?.id
    let firstPage: [CatalogEntry]
    do {
      firstPage = try catalog.entries(order: order, limit: Self.firstPage + 1)
    } catch {
      fail(error)
      return
    }
    generation += 1
    isComplete = firstPage.count <= Self.firstPage
    readToStart = isComplete ? nil : SnippetListRead(browser: identity, generation: generation, order: order)
    install(SnippetList(isComplete ? firstPage : Array(firstPage.prefix(Self.firstPage))), keeping: keep)
    awaitedSelection = isComplete || selectedEntry?.id == keep ? nil : keep
  }

  /// The read of the whole list to start now, if one is due (the app runs it on another thread).
  mutating func takeListRead() -> SnippetListRead? {
    defer { readToStart = nil }
    return readToStart
  }

  /// The whole list, read on another thread, in place of the first page; a read this browser no
  /// longer waits for is dropped. The filter, the selection and the view stay as they were.
  mutating func receive(_ read: SnippetListRead, _ result: Result<SnippetList, any Error>) {
    guard read.browser == identity, read.generation == generation, !isComplete else { return }
    switch result {
    case .success(let all):
      isComplete = true
      install(all, keeping: awaitedSelection ?? selectedEntry?.id)
      awaitedSelection = nil
    case .failure(let error):
      message = Message(
        text: "snippet store: \(error) (the list shows its first \(entries.count))", isError: true)
    }
  }

  private mutating func install(_ list: SnippetList, keeping keep: Int64?) {
    self.list = list
    narrowing = []
    refilter()
    if let keep, let row = rows.firstIndex(where: { entries[$0.entry].id == keep }) {
      select(row)
    } else {
      select(min(selected, max(0, rows.count - 1)))
    }
  }

  mutating func fail(_ error: any Error) {
    message = Message(text: "snippet store: \(error)", isError: true)
  }

  // MARK: Selection

  var selectedEntry: CatalogEntry? { rows.indices.contains(selected) ? entries[rows[selected].entry] : nil }

  /// Selects a row (clamped), keeps it in view and loads its code for the preview.
  mutating func select(_ row: Int) {
    selected = max(0, min(row, rows.count - 1))
    if selected < top { top = selected }
    if selected >= top + pageHeight { top = selected - pageHeight + 1 }
    top = max(0, min(top, max(0, rows.count - pageHeight)))
    loadPreview()
  }

  mutating func setFilter(_ text: String) {
    filter = text
    refilter()
    select(0)
  }

  mutating func setOrder(_ order: CatalogOrder) {
    self.order = order
    reload()
  }

  mutating func setRows(_ rows: [Row]) { self.rows = rows }
  mutating func setCodeMatched(_ entries: Set<Int>) { codeMatched = entries }

  mutating func scroll(by lines: Int) {
    top = max(0, min(top + lines, max(0, rows.count - pageHeight)))
    if selected < top { select(top) } else if selected >= top + pageHeight { select(top + pageHeight - 1) }
  }

  private mutating func loadPreview() {
    guard let entry = selectedEntry else {
      preview = nil
      return
    }
    guard preview?.id != entry.id else { return }
    do {
      preview = (entry.id, try catalog.code(of: entry.id) ?? "")
    } catch {
      preview = nil
      fail(error)
    }
    previewTop = previewStart()
  }

  mutating func pushTrashed(_ entry: CatalogEntry) { trashed.append(entry) }
  mutating func popTrashed() -> CatalogEntry? { trashed.popLast() }
}
