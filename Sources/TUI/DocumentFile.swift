import Editor
import Foundation
import Glibc

/// The file behind the editor: reading it as UTF-8 (never repairing it), remembering its line
/// endings, and saving atomically — a temporary file in the same directory, flushed to disk, given
/// the old file's permissions, then renamed over it — so a crash or a full disk never leaves half
/// a file. The editor works on `\n` only; CRLF files are converted on load and back on save. The
/// final newline is part of the text, so it is kept exactly as the file had it.
public struct DocumentFile: Equatable, Sendable {
  public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
  }

  public enum Failure: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, reason: String)
    case unwritable(path: String, reason: String)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
      case .notUTF8(let path, let reason):
        return "\(path) is \(reason); it was not opened so it cannot be damaged"
      case .unwritable(let path, let reason): return "cannot save \(path): \(reason)"
      }
    }
  }

  public var path: String
  public var lineEnding: LineEnding

  public init(path: String, lineEnding: LineEnding = .lf) {
    self.path = path
    self.lineEnding = lineEnding
  }

  /// Reads `path`: the document (with the line ending it uses) and its text with `\n` endings.
  /// A file that does not exist yet is an empty document.
  public static func open(_ path: String) throws(Failure) -> (document: DocumentFile, text: String) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return (DocumentFile(path: path), "")
    }
    guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a directory") }
    guard let data = FileManager.default.contents(atPath: path) else {
      // FileManager does not keep errno; access(2) says why (permission, usually).
      let reason = access(path, R_OK) != 0 ? String(cString: strerror(errno)) : "read failed"
      throw .unreadable(path: path, reason: reason)
    }
    let text: String
    do {
      text = try TextStorage(validating: data).string
    } catch {
      throw .notUTF8(path: path, reason: error.description)
    }
    // A file is CRLF when its first line break is; lone "\n"s in it stay "\n" on the way back.
    if let firstBreak = text.utf8.firstIndex(of: 0x0A), firstBreak > text.utf8.startIndex,
      text.utf8[text.utf8.index(before: firstBreak)] == 0x0D
    {
      return (DocumentFile(path: path, lineEnding: .crlf), text.replacingOccurrences(of: "\r\n", with: "\n"))
    }
    return (DocumentFile(path: path), text)
  }

  /// Writes `text` (with `\n` endings) to the file atomically, in the document's line ending.
  public func save(_ text: String) throws(Failure) {
    let contents = lineEnding == .crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    // Through a symlink to the file it names, so the link survives the rename.
    let path = URL(fileURLWithPath: self.path).resolvingSymlinksInPath().path
    let directory = (path as NSString).deletingLastPathComponent
    let temporary =
      (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
    var existing = stat()
    let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
    let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    var failure: String?
    var bytes = Array(contents.utf8)
    var written = 0
    while written < bytes.count && failure == nil {
      let result = bytes.withUnsafeMutableBytes {
        write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      if result < 0 && errno != EINTR { failure = String(cString: strerror(errno)) }
      if result > 0 { written += result }
    }
    bytes.removeAll()
    if failure == nil && fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
    if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    close(descriptor)
    if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .unwritable(path: path, reason: failure)
    }
  }
}
