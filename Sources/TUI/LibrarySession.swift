import Editor
import FoundationEssentials
import Glibc

/// The editor's link to the snippet library (App+Library.swift drives it): whose buffer this is,
/// when autosave writes next, a draft waiting to be restored or discarded, the last failure, and
/// the run under way so its result is recorded against the code that ran.
final class LibrarySession {
  let library: any SnippetLibrary
  var owner: BufferOwner
  var schedule = AutosaveSchedule()
  /// The buffer as last seen: a change to any of it schedules a save.
  var seen: Snapshot?
  /// A draft holding edits the file on disk does not have, until the user restores or discards it.
  /// Autosave waits meanwhile, so the draft is never overwritten before it is answered.
  var offered: BufferDraft?
  /// The last database failure, shown in the status bar until a write succeeds.
  var failure: String?
  /// The run going on: whose buffer and which code, recorded with its result.
  var run: (owner: BufferOwner, code: String, startedAt: Date)?
  /// Monotonic time, for the schedule; tests replace it.
  var now: () -> Duration = EditorPane.monotonicNow
  /// Wall-clock time, for what is stored.
  var date: () -> Date = { Date() }

  struct Snapshot: Equatable {
    var owner: BufferOwner
    var version: Int
    var cursor: Position
    var topLine: Int
  }

  init(library: any SnippetLibrary, owner: BufferOwner) {
    self.library = library
    self.owner = owner
  }

  /// The owner a buffer has: its file when it has one (named by absolute path, so opening it from
  /// another directory finds the same draft), else the snippet or scratch it was.
  static func owner(of editor: EditorPane, current: BufferOwner) -> BufferOwner {
    if let document = editor.document { return .file(absolute(document.path)) }
    if case .file = current { return .scratch }
    return current
  }

  /// `path` from the root, through symlinks when the file exists.
  static func absolute(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return (directory == "/" ? "" : directory) + "/" + path
  }

  /// Runs a library call; a failure is kept for the status bar instead of thrown.
  @discardableResult
  func attempt<T>(_ body: () throws -> T) -> T? {
    do {
      let value = try body()
      failure = nil
      return value
    } catch {
      failure = "snippet store: \(error)"
      return nil
    }
  }
}
