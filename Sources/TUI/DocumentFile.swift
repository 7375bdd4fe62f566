import Editor
import FoundationEssentials
import Glibc
import Processes

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
    /// Saving would replace a file the editor did not load: it must be asked for.
    case exists(path: String)
    /// The file on disk is not the one loaded or last saved: another program changed it.
    case changedOnDisk(path: String)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
      case .notUTF8(let path, let reason):
        return "\(path) is \(reason); it was not opened so it cannot be damaged"
      case .unwritable(let path, let reason): return "cannot save \(path): \(reason)"
      case .exists(let path): return "\(path) exists"
      case .changedOnDisk(let path): return "\(path) changed on disk since it was opened"
      }
    }
  }

  public var path: String
  public var lineEnding: LineEnding
  /// Whether the text did not come from a file: saving it then ends it with a newline (an
  /// existing file keeps its last line exactly as it was).
  public var isNew: Bool
  /// The file as it was loaded or last saved; nil while this document has no file on disk. Saving
  /// without `replacing` refuses a file that no longer matches it.
  var stamp: DiskStamp?
  /// Whether the file grants no writing: saving then asks for another name.
  var isReadOnly = false

  public init(path: String, lineEnding: LineEnding = .lf, isNew: Bool = false) {
    self.path = path
    self.lineEnding = lineEnding
    self.isNew = isNew
  }

  /// Reads `path`: the document (with the line ending it uses) and its text with `\n` endings.
  /// A file that does not exist yet is an empty document.
  public static func open(_ path: String) throws(Failure) -> (document: DocumentFile, text: String) {
    let data: [UInt8]
    do {
      data = try FileContents.read(path)
    } catch {
      if error.isMissing { return (DocumentFile(path: path, isNew: true), "") }
      throw .unreadable(path: path, reason: error.isDirectory ? "it is a directory" : error.description)
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
      return (DocumentFile(path: path, lineEnding: .crlf).stamped(), Self.joiningCRLF(text))
    }
    return (DocumentFile(path: path).stamped(), text)
  }

  /// The document with what is on disk now as its loaded state.
  private func stamped() -> DocumentFile {
    var document = self
    document.stamp = DiskStamp(of: path)
    document.isReadOnly = DiskStamp.isReadOnly(path)
    return document
  }

  /// Writes `text` (with `\n` endings) to the file atomically, in the document's line ending. Unless
  /// `replacing`, the file on disk must be the one loaded or last saved — or, for a document that
  /// has none, no file at all — so nothing another program wrote is lost without asking.
  public mutating func save(_ text: String, replacing: Bool = false) throws(Failure) {
    // Through a symlink to the file it names, so the link survives the rename.
    let path = Self.resolvingSymlinks(self.path)
    let onDisk = DiskStamp(of: path)
    if !replacing, let onDisk, onDisk != stamp {
      throw stamp == nil ? .exists(path: self.path) : .changedOnDisk(path: self.path)
    }
    try Self.write(text, lineEnding: lineEnding, to: path)
    stamp = DiskStamp(of: path)
    isReadOnly = DiskStamp.isReadOnly(path)
  }

  private static func write(_ text: String, lineEnding: LineEnding, to path: String) throws(Failure) {
    let temporary = directory(of: path) + "/.\(fileName(of: path)).\(getpid()).tmp"
    var existing = stat()
    let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
    let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    var failure: String?
    let bytes = lineEnding == .crlf ? splittingLF(text) : Array(text.utf8)
    if !LiveWrite.all(bytes, to: descriptor) { failure = String(cString: strerror(errno)) }
    if failure == nil && fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
    if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    close(descriptor)
    if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .unwritable(path: path, reason: failure)
    }
  }

  /// The last component of `path`: what the status bar shows.
  public static func fileName(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The directory `path` is in ("." for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The file a path finally names, through every symlink; the path itself for a file not yet made.
  static func resolvingSymlinks(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// `text` with every CR LF pair made a single LF (byte by byte: to String, "\r\n" is one Character).
  static func joiningCRLF(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var carriageReturn = false
    for byte in text.utf8 {
      if carriageReturn && byte != 0x0A { bytes.append(0x0D) }
      carriageReturn = byte == 0x0D
      if !carriageReturn { bytes.append(byte) }
    }
    if carriageReturn { bytes.append(0x0D) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The bytes of `text` with every LF written as CR LF.
  static func splittingLF(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + text.utf8.count / 16)
    for byte in text.utf8 {
      if byte == 0x0A { bytes.append(0x0D) }
      bytes.append(byte)
    }
    return bytes
  }
}
